import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAssignees } from "../../mos/assign/useAssignees";
import { PageHeader } from "../../mos/PageHeader";
import { WORK_STATUSES } from "../../mos/types";
import { useUrlState } from "../../mos/useUrlState";
import { useRealtime } from "../../realtime/useRealtime";
import { hasPermission, useSignedInUser } from "../../useMe";
import { BoardColumn } from "./BoardColumn";
import { BoardFilters } from "./BoardFilters";
import { Notice } from "../../ui/Notice";

const KEYS = ["moId", "assignedToId"] as const;

/** The work-order board: one column per status, filters by order and assignee, live. */
export function Board() {
  const t = useTranslations("workorders");
  const me = useSignedInUser();
  const canAssign = hasPermission(me, "wo:write");
  const assignees = useAssignees();
  const { values, set, ready } = useUrlState(KEYS);
  const [notice, setNotice] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = () => setTick((t) => t + 1);
  useRealtime(["wo:created", "wo:updated", "mo:updated"], refresh);

  // The assignee filter must offer the person it is set to, even when they are not in the list.
  const people = values.assignedToId && !assignees.people.some((p) => p.id === values.assignedToId) ? [{ id: values.assignedToId, name: t("board.selectedPerson") }, ...assignees.people] : assignees.people;

  return (
    <div className="space-y-6">
      <PageHeader title={t("board.title")} description={canAssign ? t("board.descriptionAssign") : t("board.description")} />
      <div className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm sm:p-5">
        <BoardFilters moId={values.moId} assignedToId={values.assignedToId} people={people} onChange={(patch) => set(patch)} />
      </div>
      <Notice testId="board-notice" notice={notice === null ? null : { tone: "success", text: notice }} onDismiss={() => setNotice(null)} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {WORK_STATUSES.map((s) => (
          <BoardColumn
            key={s}
            status={s}
            filter={{ moId: values.moId, assignedToId: values.assignedToId }}
            ready={ready}
            people={canAssign ? assignees.people : null}
            canAssign={canAssign}
            refreshTick={tick}
            onChanged={(message) => {
              setNotice(message);
              refresh();
            }}
          />
        ))}
      </div>
    </div>
  );
}
