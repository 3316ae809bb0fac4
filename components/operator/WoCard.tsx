import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { ErrorState, LoadingState } from "../ui/States";
import { useSignedInUser } from "../useMe";
import { focusRing } from "../ui/styles";
import { CommentsPanel } from "../workorders/detail/CommentsPanel";
import { PartsList } from "../workorders/detail/PartsList";
import { canComment } from "../workorders/detail/permissions";
import { StatusPill } from "../workorders/detail/StatusPill";
import type { WoItem } from "../workorders/detail/types";
import { useWoDetail } from "../workorders/detail/useWoDetail";
import { WoActions } from "../workorders/detail/WoActions";
import { WorkedTimer } from "../workorders/detail/WorkedTimer";
import { formatDateTime, formatMinutes, formatQty } from "../format";

const EDGE: Record<WoItem["status"], string> = {
  STARTED: "border-l-blue-600",
  PAUSED: "border-l-amber-500",
  PENDING: "border-l-neutral-300",
  COMPLETED: "border-l-green-600",
};

/**
 * One of the operator's work orders: what it is, its worked time (from the server's time logs, so
 * it survives pauses and reloads), one-tap actions, and on demand the parts and comments.
 */
export function WoCard({ wo, onChanged, hideOpenLink = false }: { wo: WoItem; onChanged: () => unknown; /** A station opens no other page: no link to the WO's own page. */ hideOpenLink?: boolean }) {
  const t = useTranslations("operator");
  const me = useSignedInUser();
  const [open, setOpen] = useState(false);
  const active = wo.status === "STARTED" || wo.status === "PAUSED";
  // The list has no time logs: running and paused cards load their detail for the timer.
  const detail = useWoDetail(active || open ? wo.id : null);
  const reload = () => Promise.all([onChanged(), detail.mutate()]);
  const panelId = `wo-panel-${wo.id}`;

  return (
    <article data-testid="wo-card" data-code={wo.code} data-status={wo.status} aria-labelledby={`wo-title-${wo.id}`} className={`rounded-xl border border-l-8 border-neutral-200 bg-white p-4 shadow-sm sm:p-5 ${EDGE[wo.status]}`}>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-3">
            <span className="font-mono text-lg font-bold text-neutral-900">{wo.code}</span>
            <StatusPill status={wo.status} large />
          </div>
          <h3 id={`wo-title-${wo.id}`} className="mt-1 text-2xl font-semibold tracking-tight text-neutral-900">
            {wo.title}
          </h3>
          <p className="mt-1 text-base text-neutral-700">
            <span className="font-medium">{wo.mo.orderNo}</span> · {wo.mo.name}
            {wo.workCenter && <> · {wo.workCenter.name}</>}
          </p>
        </div>
        <div className="shrink-0 text-right">
          {active && detail.data && <WorkedTimer logs={detail.data.timeLogs} plannedMin={wo.plannedMin} large />}
          {active && !detail.data && !detail.error && <p className="text-sm text-neutral-600">{t("card.loadingTime")}</p>}
          {wo.status === "PENDING" && wo.plannedMin !== null && (
            <p className="text-base text-neutral-700">
              {t.rich("card.planned", { duration: formatMinutes(wo.plannedMin), strong: (chunks) => <span className="font-semibold text-neutral-900">{chunks}</span> })}
            </p>
          )}
          {wo.status === "COMPLETED" && (
            <p className="text-base text-neutral-700">
              {wo.endTime && t("card.done", { when: formatDateTime(wo.endTime) })}
              {wo.durationMin !== null && (
                <span className="block font-semibold text-neutral-900">{t("card.worked", { duration: formatMinutes(wo.durationMin) })}</span>
              )}
            </p>
          )}
        </div>
      </div>

      <div className="mt-4">
        <WoActions wo={wo} size="xl" onChanged={reload} />
      </div>

      <div className="mt-3 flex flex-wrap gap-3">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          className={`inline-flex h-12 items-center gap-2 rounded-lg border-2 border-neutral-300 bg-white px-4 text-base font-medium text-neutral-900 hover:bg-neutral-100 ${focusRing}`}
        >
          <svg viewBox="0 0 20 20" className={`h-5 w-5 transition-transform ${open ? "rotate-180" : ""}`} fill="currentColor" aria-hidden="true">
            <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
          </svg>
          {t("card.partsAndComments")}
        </button>
        {!hideOpenLink && (
          <Link href={`/workorders/${wo.id}`} className={`inline-flex h-12 items-center rounded-lg px-4 text-base font-medium text-blue-800 underline-offset-4 hover:underline ${focusRing}`}>
            {t("card.open", { code: wo.code })}
          </Link>
        )}
      </div>

      {open && (
        <div id={panelId} className="mt-4 space-y-6 border-t border-neutral-200 pt-4">
          {detail.data ? (
            <>
              <section aria-label={t("card.partsLabel", { code: wo.code })}>
                <h4 className="text-base font-semibold text-neutral-900">
                  {t("card.partsTitle", { quantity: formatQty(detail.data.mo.quantity), uom: detail.data.product.uom, product: detail.data.product.name })}
                </h4>
                <div className="mt-2">
                  <PartsList parts={detail.data.parts} quantity={detail.data.mo.quantity} productUom={detail.data.product.uom} />
                </div>
              </section>
              <section aria-label={t("card.commentsLabel", { code: wo.code })}>
                <h4 className="text-base font-semibold text-neutral-900">{t("card.commentsTitle")}</h4>
                <div className="mt-2">
                  <CommentsPanel woId={wo.id} code={wo.code} comments={detail.data.comments} canWrite={canComment(me, wo)} onAdded={() => detail.mutate()} />
                </div>
              </section>
            </>
          ) : detail.error ? (
            <ErrorState title={t("card.loadError", { code: wo.code })} message={detail.error.message} onRetry={() => void detail.mutate()} />
          ) : (
            <LoadingState label={t("card.loadingWo", { code: wo.code })} />
          )}
        </div>
      )}
    </article>
  );
}
