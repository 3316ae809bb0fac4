import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { hasPermission, useSignedInUser } from "../../useMe";
import { Alert } from "../../ui/Alert";
import { Button, buttonClass } from "../../ui/Button";
import { EmptyState } from "../../ui/States";
import { focusRing } from "../../ui/styles";
import { AssigneeSelect } from "../assign/AssigneeSelect";
import { useAssignees } from "../assign/useAssignees";
import { WoStatusBadge } from "../badges";
import { isOpen } from "@/lib/manufacturing/states";
import { Section } from "../PageHeader";
import type { MoDetail } from "../types";
import { AddWorkOrderForm } from "./AddWorkOrderForm";
import { formatMinutes, formatQty } from "../../format";

/** The order's work orders with status, assignee and work center; planners add and (re)assign them here. */
export function WorkOrdersSection({ mo, onChanged }: { mo: MoDetail; onChanged: () => void }) {
  const t = useTranslations("mos");
  const me = useSignedInUser();
  const canWrite = hasPermission(me, "wo:write") && isOpen(mo.state);
  const assignees = useAssignees(canWrite);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  function changed(message: string) {
    setNotice(message);
    onChanged();
  }

  return (
    <Section
      title={t("workOrders.title")}
      testId="work-orders"
      actions={
        <>
          <Link href={`/workorders?moId=${encodeURIComponent(mo.id)}`} className={buttonClass("ghost")}>
            {t("workOrders.showOnBoard")}
          </Link>
          {canWrite && !adding && (
            <Button variant="secondary" onClick={() => setAdding(true)}>
              {t("addWo.submit")}
            </Button>
          )}
        </>
      }
    >
      {adding && (
        <AddWorkOrderForm
          moId={mo.id}
          assignees={assignees}
          onCancel={() => setAdding(false)}
          onAdded={(wo) => {
            setAdding(false);
            changed(wo.assignee ? t("workOrders.addedAssigned", { code: wo.code, title: wo.title, name: wo.assignee.name }) : t("workOrders.added", { code: wo.code, title: wo.title }));
          }}
        />
      )}
      {notice && (
        <div className="px-4 pt-4 sm:px-5">
          <Alert tone="success">{notice}</Alert>
        </div>
      )}
      {mo.workOrders.length === 0 ? (
        <EmptyState title={t("workOrders.none")}>{canWrite ? t("workOrders.noneCanAdd") : t("workOrders.noneText")}</EmptyState>
      ) : (
        <ol className="divide-y divide-neutral-200">
          {mo.workOrders.map((wo) => {
            const editable = canWrite && wo.status !== "COMPLETED";
            return (
              <li key={wo.id} data-testid="wo-row" data-code={wo.code} className="grid gap-3 px-4 py-3 sm:px-5 md:grid-cols-[1fr_auto] md:items-center">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <span className="text-sm tabular-nums text-neutral-500">{wo.sequence}.</span>
                    <Link href={`/workorders/${wo.id}`} className={`rounded font-semibold text-neutral-900 underline-offset-2 hover:underline ${focusRing}`}>
                      {wo.code}
                    </Link>
                    <span className="text-neutral-800">{wo.title}</span>
                    <WoStatusBadge status={wo.status} />
                  </div>
                  <p className="mt-1 text-sm text-neutral-600">
                    {wo.workCenter ? wo.workCenter.name : t("workOrders.noWorkCenter")}
                    {wo.plannedMin !== null && ` · ${t("workOrders.planned", { time: formatMinutes(wo.plannedMin) })}`}
                    {wo.durationMin !== null && ` · ${t("workOrders.worked", { time: formatMinutes(wo.durationMin) })}`}
                    {!editable && ` · ${wo.assignee ? t("workOrders.assignedTo", { name: wo.assignee.name }) : t("workOrders.unassigned")}`}
                  </p>
                  <p className="mt-1 text-sm text-neutral-700" data-testid="wo-quantities">
                    {wo.status === "COMPLETED" && wo.goodQty !== null
                      ? t("workOrders.quantitiesDone", { reached: formatQty(wo.reachedQty), good: formatQty(wo.goodQty), scrap: formatQty(wo.scrapQty ?? 0) })
                      : t("workOrders.quantitiesOpen", { reached: formatQty(wo.reachedQty) })}
                    {wo.scrapReason && ` · ${t("workOrders.scrapReason", { reason: wo.scrapReason })}`}
                  </p>
                  {wo.description && <p className="mt-1 whitespace-pre-line text-sm text-neutral-700">{wo.description}</p>}
                </div>
                {editable && (
                  <div className="md:w-56">
                    <AssigneeSelect wo={wo} people={assignees.people} onChanged={changed} />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
