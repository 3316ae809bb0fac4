import { useFormatter, useTranslations } from "next-intl";
import type { QueuedAction } from "../offline/queue";
import { rememberedName } from "./useDeviceQueue";

/**
 * On the station: actions tapped on this tablet by operators who are no longer signed in on it (the
 * idle drop came while the network was down), still waiting. They can be sent only under that
 * operator's own session, so they go as soon as that person signs in here again; until then they are
 * listed, never silently dropped.
 */
export function StationWaiting({ entries }: { entries: QueuedAction[] }) {
  const t = useTranslations("station.waiting");
  const tk = useTranslations("offline.kind");
  const format = useFormatter();
  if (!entries.length) return null;
  const byUser = new Map<string, QueuedAction[]>();
  for (const e of entries) byUser.set(e.userId ?? "", [...(byUser.get(e.userId ?? "") ?? []), e]);
  return (
    <section aria-labelledby="station-waiting-title" className="rounded-lg border-2 border-dashed border-sky-600 bg-sky-50 p-4" data-testid="station-waiting">
      <h2 id="station-waiting-title" className="text-lg font-semibold text-neutral-900">
        {t("title", { count: entries.length })}
      </h2>
      {[...byUser].map(([userId, list]) => {
        const name = rememberedName(userId) ?? t("someone");
        return (
          <div key={userId} className="mt-2" data-testid="station-waiting-operator" data-user={userId}>
            <p className="text-base text-neutral-800">{t("text", { name })}</p>
            <ol className="mt-1 space-y-1">
              {list.map((e) => (
                <li key={e.seq} className="text-base text-neutral-900" data-testid="station-waiting-action" data-kind={e.kind}>
                  {t("item", { action: tk(e.kind), code: e.woCode, time: format.dateTime(new Date(e.at), { hour: "2-digit", minute: "2-digit", second: "2-digit" }) })}
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
