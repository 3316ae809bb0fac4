// On a work order's card: what is waiting on this tablet for the network (with the time each was
// tapped, the time that will be booked), and what the server refused when it came back, shown plainly
// until the person has read it.
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "../ui/Button";
import { removeQueued, type QueuedAction } from "./queue";
import { useOrphanConflicts } from "./useQueued";

/** The tap's time as the tablet shows times: hours, minutes and seconds in the factory's zone. */
function useTapTime(): (iso: string) => string {
  const format = useFormatter();
  return (iso) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** A card's queued taps and refused actions (or, in the shell, the refused actions of WOs without a card). */
export function QueuedActions({ entries }: { entries: QueuedAction[] }) {
  const t = useTranslations("offline");
  const time = useTapTime();
  const queued = entries.filter((e) => e.state === "queued");
  const conflicts = entries.filter((e) => e.state === "conflict");
  if (!entries.length) return null;
  return (
    <div className="space-y-3">
      {queued.length > 0 && (
        <section className="rounded-lg border-2 border-dashed border-sky-600 bg-sky-50 p-4" data-testid="offline-queue" aria-live="polite">
          <h3 className="text-base font-semibold text-neutral-900">{t("queued.title", { count: queued.length })}</h3>
          <p className="mt-1 text-sm text-neutral-700">{t("queued.text")}</p>
          <ol className="mt-2 space-y-1">
            {queued.map((e) => (
              <li key={e.seq} className="flex items-center gap-2 text-base text-neutral-900" data-testid="queued-action" data-kind={e.kind}>
                <span className="rounded bg-sky-700 px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide text-white">{t("queued.badge")}</span>
                <span>{t("queued.item", { action: t(`kind.${e.kind}`), time: time(e.at) })}</span>
                <time dateTime={e.at} className="sr-only">
                  {e.at}
                </time>
              </li>
            ))}
          </ol>
        </section>
      )}
      {conflicts.map((e) => (
        <div key={e.seq} role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-4" data-testid="offline-conflict" data-kind={e.kind} data-code={e.error?.code}>
          <p className="text-base font-semibold text-red-900">{t("conflict.title", { action: t(`kind.${e.kind}`), code: e.woCode, time: time(e.at) })}</p>
          <p className="mt-1 text-base text-red-900">{t("conflict.text", { message: e.error?.message ?? "" })}</p>
          <div className="mt-3">
            <Button size="lg" variant="secondary" onClick={() => void removeQueued(e.seq)}>
              {t("conflict.ok")}
            </Button>
          </div>
        </div>
      ))}
    </div>
  );
}

/** In the shell: what the server refused for WOs no card shows (e.g. reassigned while the tablet was offline). */
export function OfflineConflicts() {
  const entries = useOrphanConflicts();
  if (!entries.length) return null;
  return (
    <div className="mb-6">
      <QueuedActions entries={entries} />
    </div>
  );
}
