import { useTranslations } from "next-intl";
import { EmptyState } from "../../ui/States";
import { hasOpenLog, logLength } from "./time";
import type { TimeLog } from "./types";
import { useNow } from "./useNow";
import { formatDateTime } from "../../format";

/** Every start-to-pause stretch of work on the WO, oldest first. */
export function TimeLogList({ logs }: { logs: TimeLog[] }) {
  const t = useTranslations("workorders");
  const now = useNow(hasOpenLog(logs));
  if (!logs.length) return <EmptyState title={t("time.none")}>{t("time.noneText")}</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm" data-testid="wo-time-logs">
        <caption className="sr-only">{t("time.title")}</caption>
        <thead className="border-b border-neutral-200 text-xs font-semibold uppercase tracking-wide text-neutral-600">
          <tr>
            <th scope="col" className="py-2 pr-4">
              {t("time.columns.who")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("time.columns.started")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("time.columns.stopped")}
            </th>
            <th scope="col" className="py-2 text-right">
              {t("time.columns.length")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
          {logs.map((l) => (
            <tr key={l.id}>
              <td className="py-2.5 pr-4 text-neutral-900">{l.user.name}</td>
              <td className="py-2.5 pr-4 text-neutral-700">{formatDateTime(l.startedAt)}</td>
              <td className="py-2.5 pr-4 text-neutral-700">{l.endedAt ? formatDateTime(l.endedAt) : <span className="font-medium text-blue-800">{t("time.running")}</span>}</td>
              <td className="py-2.5 text-right font-mono tabular-nums text-neutral-900">{logLength(l, now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
