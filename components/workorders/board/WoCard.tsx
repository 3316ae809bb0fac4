import { useTranslations } from "next-intl";
import Link from "next/link";
import { AssigneeSelect } from "../../mos/assign/AssigneeSelect";
import type { PersonRef, WoItem } from "../../mos/types";
import { focusRing } from "../../ui/styles";
import { formatMinutes } from "../../format";

/** One work order on the board; planners (re)assign it right here. */
export function WoCard({ wo, people, canAssign, onChanged }: { wo: WoItem; people: PersonRef[] | null; canAssign: boolean; onChanged: (message: string) => void }) {
  const t = useTranslations("workorders");
  // COMPLETED work orders and those of finished orders are final: nothing to assign.
  const editable = canAssign && people !== null && wo.status !== "COMPLETED" && (wo.mo.state === "PLANNED" || wo.mo.state === "IN_PROGRESS");
  return (
    <article data-testid="wo-card" data-code={wo.code} aria-label={`${wo.code} ${wo.title}`} className="space-y-2 rounded-md border border-neutral-200 bg-white p-3 shadow-sm">
      <div>
        <div className="min-w-0">
          <Link href={`/workorders/${wo.id}`} className={`rounded text-sm font-semibold text-neutral-900 underline-offset-2 hover:underline ${focusRing}`}>
            {wo.code}
          </Link>
          <p className="break-words text-base font-medium leading-snug text-neutral-900">{wo.title}</p>
        </div>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-sm">
        <dt className="text-neutral-500">{t("card.order")}</dt>
        <dd className="min-w-0 truncate">
          <Link href={`/mos/${wo.mo.id}`} className={`rounded font-medium text-neutral-800 underline-offset-2 hover:underline ${focusRing}`}>
            {wo.mo.orderNo}
          </Link>
          {wo.mo.state === "CANCELED" && <span className="text-neutral-500"> {t("card.canceled")}</span>}
        </dd>
        <dt className="text-neutral-500">{t("card.center")}</dt>
        <dd className="truncate text-neutral-800">{wo.workCenter?.name ?? "—"}</dd>
        {wo.plannedMin !== null && (
          <>
            <dt className="text-neutral-500">{t("card.planned")}</dt>
            <dd className="text-neutral-800">{formatMinutes(wo.plannedMin)}</dd>
          </>
        )}
        {!editable && (
          <>
            <dt className="text-neutral-500">{t("card.assignee")}</dt>
            <dd className="truncate text-neutral-800" data-testid="wo-assignee">
              {wo.assignee?.name ?? t("card.unassigned")}
            </dd>
          </>
        )}
      </dl>
      {editable && <AssigneeSelect wo={wo} people={people} onChanged={onChanged} />}
    </article>
  );
}
