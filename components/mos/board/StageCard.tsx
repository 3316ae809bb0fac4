import { useTranslations } from "next-intl";
import Link from "next/link";
import type { BoardGroup } from "@/lib/manufacturing/board-schemas";
import { formatDate, formatQty } from "../../format";
import { focusRing } from "../../ui/styles";
import { LateBadge, PriorityBadge, WoStatusBadge } from "../badges";
import { ProgressBar } from "../ProgressBar";
import { DeadlineEditor, PriorityMenu } from "./CardEditors";
import { MaterialStatusBadge } from "./MaterialStatusBadge";
import type { StageCard as Card } from "./types";

const PRIORITY_EDGES = { URGENT: "border-l-red-600", HIGH: "border-l-amber-500", NORMAL: "border-l-neutral-300", LOW: "border-l-neutral-200" } as const;

/** One open order on the stage board; planners change its priority and deadline right here. */
export function StageCard({ card, groupBy, canEdit, onChanged }: { card: Card; groupBy: BoardGroup; canEdit: boolean; onChanged: (message: string) => void }) {
  const t = useTranslations("board");
  // The column already names the operation (or the work center): the card names the other one.
  const where = card.current ? (groupBy === "operation" ? (card.current.workCenter?.name ?? t("card.noCenter")) : card.current.title) : null;
  return (
    <article
      data-testid="board-card"
      data-order-no={card.orderNo}
      data-priority={card.priority}
      aria-label={t("card.label", { orderNo: card.orderNo, name: card.name })}
      className={`space-y-2 rounded-md border border-l-4 border-neutral-200 p-3 shadow-sm ${PRIORITY_EDGES[card.priority]} ${card.late ? "bg-red-50" : "bg-white"}`}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <Link href={`/mos/${card.id}`} className={`rounded text-sm font-semibold text-neutral-900 underline-offset-2 hover:underline ${focusRing}`}>
            {card.orderNo}
          </Link>
          <p className="break-words text-base font-medium leading-snug text-neutral-900">{card.name}</p>
        </div>
        {!canEdit && <PriorityBadge priority={card.priority} />}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-sm">
        <dt className="text-neutral-500">{t("card.product")}</dt>
        <dd className="min-w-0 truncate text-neutral-800">
          {formatQty(card.quantity, card.product.uom)} · {card.product.name}
        </dd>
        <dt className="text-neutral-500">{t("card.deadline")}</dt>
        <dd className="flex flex-wrap items-center gap-1.5" data-testid="card-deadline-text">
          <span className={card.late ? "font-semibold text-red-700" : "text-neutral-800"}>{card.deadline ? formatDate(card.deadline) : t("card.noDeadline")}</span>
          {card.late && <LateBadge />}
        </dd>
        {card.customerName && (
          <>
            <dt className="text-neutral-500">{t("card.customer")}</dt>
            <dd className="min-w-0 truncate text-neutral-800">{card.customerName}</dd>
          </>
        )}
        {card.current && where !== null && (
          <>
            <dt className="text-neutral-500">{groupBy === "operation" ? t("card.center") : t("card.operation")}</dt>
            <dd className="flex min-w-0 flex-wrap items-center gap-1.5 text-neutral-800">
              <span className="truncate">{where}</span>
              <WoStatusBadge status={card.current.status} />
            </dd>
          </>
        )}
      </dl>
      <div className="flex flex-wrap items-center gap-2">{card.materialStatus && <MaterialStatusBadge status={card.materialStatus} />}</div>
      <ProgressBar progress={card.progress} label={t("card.progress", { orderNo: card.orderNo })} />
      {canEdit && (
        <div className="space-y-2 border-t border-neutral-100 pt-2">
          <PriorityMenu key={card.priority} card={card} onChanged={onChanged} />
          <details>
            <summary className={`cursor-pointer rounded text-sm font-medium text-neutral-700 ${focusRing}`}>{t("card.changeDeadline")}</summary>
            <div className="pt-2">
              <DeadlineEditor key={card.deadline ?? "none"} card={card} onChanged={onChanged} />
            </div>
          </details>
        </div>
      )}
    </article>
  );
}
