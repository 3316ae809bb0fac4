import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { BOARD_DEFAULT_LIMIT, BOARD_MAX_LIMIT, MATERIAL_STATUSES, type BoardGroup, type MaterialStatus } from "@/lib/manufacturing/board-schemas";
import { useDebounced } from "../../useDebounced";
import { hasPermission, useSignedInUser } from "../../useMe";
import { Button } from "../../ui/Button";
import { Notice } from "../../ui/Notice";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { PageHeader } from "../PageHeader";
import { PRIORITIES, type Priority } from "../types";
import { useUrlState } from "../useUrlState";
import { BoardToolbar } from "./BoardToolbar";
import { StageCard } from "./StageCard";
import type { StageColumn } from "./types";
import { useStageBoard } from "./useStageBoard";

const KEYS = ["groupBy", "workCenterId", "priority", "materialStatus", "customer", "limit"] as const;

const oneOf = <T extends string>(list: readonly T[], v: string): T | "" => ((list as readonly string[]).includes(v) ? (v as T) : "");

/** The stage board: open orders as cards in columns by their current operation or work center, live. */
export function StageBoard() {
  const t = useTranslations("board");
  const me = useSignedInUser();
  const canEdit = hasPermission(me, "mo:write");
  const url = useUrlState(KEYS);
  const { set } = url;
  const groupBy: BoardGroup = url.values.groupBy === "workCenter" ? "workCenter" : "operation";
  const priority = oneOf<Priority>(PRIORITIES, url.values.priority);
  const materialStatus = oneOf<MaterialStatus>(MATERIAL_STATUSES, url.values.materialStatus);
  const limit = Math.min(BOARD_MAX_LIMIT, Math.max(1, Number(url.values.limit) || BOARD_DEFAULT_LIMIT));
  // The customer box follows typing at once; the address (and the request) once typing pauses.
  const [typed, setTyped] = useState<string | null>(null);
  const customer = typed ?? url.values.customer;
  const debounced = useDebounced(customer);
  useEffect(() => {
    if (typed !== null && debounced === typed && debounced !== url.values.customer) set({ customer: debounced });
  }, [debounced, typed, url.values.customer, set]);
  const [notice, setNotice] = useState<string | null>(null);

  const filter = { groupBy, workCenterId: url.values.workCenterId, priority, materialStatus, customer: url.values.customer, limit };
  const { data, error, isLoading, isValidating, mutate } = useStageBoard(url.ready ? filter : null);
  const filtered = Boolean(filter.workCenterId || priority || materialStatus || filter.customer);

  const columnTitle = (c: StageColumn) =>
    c.kind === "none" ? t("column.none") : c.kind === "done" ? t("column.done") : c.title ?? (c.kind === "workCenter" ? t("column.noCenter") : t("column.untitled"));

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={canEdit ? t("descriptionEdit") : t("description")} />
      <div className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm sm:p-5">
        <BoardToolbar values={{ groupBy, workCenterId: url.values.workCenterId, priority, materialStatus, customer }} onChange={(patch) => set(patch)} onCustomer={setTyped} />
      </div>
      <Notice testId="stage-board-notice" notice={notice === null ? null : { tone: "success", text: notice }} onDismiss={() => setNotice(null)} />
      {data ? (
        data.columns.length === 0 ? (
          <div className="rounded-lg border border-neutral-200 bg-white shadow-sm">
            <EmptyState title={filtered ? t("emptyFiltered") : t("empty")} />
          </div>
        ) : (
          <div aria-busy={isValidating} className={`flex gap-4 overflow-x-auto pb-2 ${isValidating && !isLoading ? "opacity-80 transition-opacity" : ""}`}>
            {data.columns.map((c) => (
              <section key={c.key} aria-labelledby={`stage-${c.key}`} data-testid="board-column" data-column={c.key} data-title={c.title ?? c.kind} className="flex w-72 shrink-0 flex-col rounded-lg border border-t-4 border-neutral-200 border-t-blue-600 bg-neutral-100/70">
                <h2 id={`stage-${c.key}`} className="flex items-center justify-between gap-2 px-3 py-2.5 text-sm font-semibold text-neutral-800">
                  <span className="min-w-0 truncate">{columnTitle(c)}</span>
                  <span className="rounded-full bg-white px-2 py-0.5 text-xs tabular-nums text-neutral-700 ring-1 ring-neutral-200" aria-label={t("column.count", { count: c.total })}>
                    {c.total}
                  </span>
                </h2>
                <div className="flex-1 space-y-2 px-2 pb-2">
                  {c.cards.map((card) => (
                    <StageCard
                      key={card.id}
                      card={card}
                      groupBy={groupBy}
                      canEdit={canEdit}
                      onChanged={(message) => {
                        setNotice(message);
                        void mutate();
                      }}
                    />
                  ))}
                  {c.total > c.cards.length && (
                    <Button variant="secondary" className="w-full" busy={isValidating} disabled={limit >= BOARD_MAX_LIMIT} onClick={() => set({ limit: String(Math.min(BOARD_MAX_LIMIT, limit + BOARD_DEFAULT_LIMIT)) })}>
                      {t("column.showMore", { count: c.total - c.cards.length })}
                    </Button>
                  )}
                </div>
              </section>
            ))}
          </div>
        )
      ) : error ? (
        <ErrorState title={t("loadError")} message={error.message} onRetry={() => void mutate()} />
      ) : (
        <LoadingState label={t("loading")} />
      )}
    </div>
  );
}
