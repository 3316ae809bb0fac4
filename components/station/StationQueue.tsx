import { useTranslations } from "next-intl";
import useSWR from "swr";
import type { ApiError } from "../api";
import { formatDate } from "../format";
import { WoCard } from "../operator/WoCard";
import type { Me } from "../types";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import { MeContext } from "../useMe";
import { StatusPill } from "../workorders/detail/StatusPill";
import type { QueueEntry, StationQueue as Queue } from "./types";

const PRIORITY_TONE: Record<QueueEntry["mo"]["priority"], string> = {
  URGENT: "bg-red-700 text-white",
  HIGH: "bg-amber-300 text-neutral-950",
  NORMAL: "bg-neutral-200 text-neutral-900",
  LOW: "bg-neutral-100 text-neutral-700",
};
const MATERIAL_TONE = { READY: "text-green-800", PARTIAL: "text-amber-800", WAITING: "text-red-800", unknown: "text-neutral-600" } as const;

/** Priority, deadline and material of a queued work order: what ranks it, in words (colour is never the only signal). */
function QueueMeta({ wo }: { wo: QueueEntry }) {
  const t = useTranslations("station.queue");
  const material = wo.mo.materialStatus ?? "unknown";
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-base" data-testid="queue-meta">
      <span className={`rounded-md px-2.5 py-0.5 text-sm font-semibold ${PRIORITY_TONE[wo.mo.priority]}`}>{t(`priority.${wo.mo.priority}`)}</span>
      <span className="text-neutral-800">{wo.mo.deadline ? t("deadline", { date: formatDate(wo.mo.deadline) }) : t("noDeadline")}</span>
      <span className={`font-medium ${MATERIAL_TONE[material]}`}>{t(`material.${material}`)}</span>
    </p>
  );
}

/** A queued work order for a station nobody is signed in on: what it is, no actions. */
function QueueRow({ wo }: { wo: QueueEntry }) {
  const t = useTranslations("station.queue");
  return (
    <article data-testid="queue-row" data-code={wo.code} className="rounded-xl border border-neutral-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-mono text-lg font-bold text-neutral-900">{wo.code}</span>
        <StatusPill status={wo.status} large />
      </div>
      <h3 className="mt-1 text-xl font-semibold text-neutral-900">{wo.title}</h3>
      <p className="mt-1 text-base text-neutral-700">
        <span className="font-medium">{wo.mo.orderNo}</span> · {wo.mo.name}
        {wo.workCenter && <> · {wo.workCenter.name}</>} · {wo.assignee ? t("assignee", { name: wo.assignee.name }) : t("unassigned")}
      </p>
      <div className="mt-2">
        <QueueMeta wo={wo} />
      </div>
    </article>
  );
}

/**
 * The station's queue, ranked by the server (running, paused, then priority, deadline, material). With
 * an operator signed in, each work order is the operator tablet's card with its large actions, acting
 * as that operator; without one, a plain list.
 */
export function StationQueue({ me, highlight, onChanged }: { me: Me | null; highlight: string | null; onChanged: () => unknown }) {
  const t = useTranslations("station.queue");
  const queue = useSWR<Queue, ApiError>("/api/station/queue", { refreshInterval: 15_000 });
  const reload = async () => {
    await Promise.all([queue.mutate(), onChanged()]);
  };
  if (!queue.data) return queue.error ? <ErrorState title={t("loadError")} message={queue.error.message} onRetry={() => void queue.mutate()} /> : <LoadingState />;
  const { items, total } = queue.data;
  return (
    <section aria-labelledby="queue-title" className="space-y-3" data-testid="station-queue">
      <h2 id="queue-title" className="flex items-baseline gap-2 text-2xl font-semibold text-neutral-900">
        {t("title")}
        <span className="text-base font-normal text-neutral-700">{t("count", { count: total })}</span>
      </h2>
      {!me && items.length > 0 && <p className="text-base text-neutral-700">{t("signInToAct")}</p>}
      {items.length === 0 && (
        <div className="rounded-xl border border-neutral-200 bg-white">
          <EmptyState title={t("empty")} />
        </div>
      )}
      <ul className="space-y-4">
        {items.map((wo) => (
          <li key={wo.id} id={`queue-${wo.code}`} className={`scroll-mt-4 rounded-xl ${highlight === wo.code ? "ring-4 ring-blue-600 ring-offset-2" : ""}`}>
            {me ? (
              <MeContext.Provider value={me}>
                <div className="space-y-2">
                  <QueueMeta wo={wo} />
                  <WoCard wo={wo} onChanged={reload} hideOpenLink />
                </div>
              </MeContext.Provider>
            ) : (
              <QueueRow wo={wo} />
            )}
          </li>
        ))}
      </ul>
      {total > items.length && <p className="text-sm text-neutral-700">{t("more", { shown: items.length, total })}</p>}
    </section>
  );
}
