// The manager's view of the plant (also the admin's and, read-only, the viewer's): KPI cards, the
// 30-day throughput, the load on each work center (OEE, last 7 days), late orders, orders in progress
// and worked minutes per operation.
import { useTranslations } from "next-intl";
import Link from "next/link";
import useSWR from "swr";
import { useRealtime } from "../realtime/useRealtime";
import { ExportMenu } from "../reports/ExportMenu";
import { ErrorState, LoadingState } from "../ui/States";
import { focusRing } from "../ui/styles";
import { ProgressBar } from "../mos/ProgressBar";
import type { ApiError } from "../api";
import { Panel, Stat } from "./Card";
import { ThroughputChart } from "./ThroughputChart";
import { WorkCenterOee } from "./WorkCenterOee";
import type { KpisView } from "./types";
import { formatDate, formatMinutes, formatNumber } from "../format";

/** The plant's figures for managers, admins and viewers; `canExport` adds the KPI export. */
export function PlantDashboard({ canExport }: { canExport: boolean }) {
  const t = useTranslations("dashboard");
  const { data, error, mutate } = useSWR<KpisView, ApiError>("/api/reports/kpis");
  useRealtime(["mo:created", "mo:updated", "wo:updated", "stock:changed"], () => void mutate());
  if (error) return <ErrorState message={error.message} onRetry={() => void mutate()} />;
  if (!data) return <LoadingState label={t("plant.loading")} />;
  const s = data.mosByState;
  const rate = data.onTime.rate === null ? "—" : t("plant.onTimeRate", { rate: data.onTime.rate });
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label={t("plant.planned")} value={formatNumber(s.PLANNED)} testId="kpi-planned" />
        <Stat label={t("plant.inProgress")} value={formatNumber(s.IN_PROGRESS)} testId="kpi-in-progress" />
        <Stat label={t("plant.done")} value={formatNumber(s.DONE)} testId="kpi-done" />
        <Stat label={t("plant.late")} value={formatNumber(data.late.count)} tone={data.late.count ? "bad" : "neutral"} hint={t("plant.lateHint")} testId="kpi-late" />
        <Stat label={t("plant.onTime")} value={rate} hint={t("plant.onTimeHint", { onTime: data.onTime.onTime, completed: data.onTime.completed })} testId="kpi-on-time" />
        <Stat label={t("plant.woToday")} value={formatNumber(data.workOrdersCompleted.today)} testId="kpi-wo-today" />
        <Stat label={t("plant.woWeek")} value={formatNumber(data.workOrdersCompleted.thisWeek)} testId="kpi-wo-week" />
        <Stat label={t("plant.lowStock")} value={data.lowStock ? formatNumber(data.lowStock.count) : "—"} tone={data.lowStock?.count ? "bad" : "neutral"} testId="kpi-low-stock" />
      </div>

      <Panel title={t("plant.throughput")} action={canExport ? <ExportMenu report="kpis" formats={["pdf", "xlsx"]} /> : undefined}>
        <ThroughputChart data={data.throughput} />
      </Panel>

      {canExport && <WorkCenterOee />}

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={t("plant.lateOrders")} testId="late-orders">
          {data.late.items.length === 0 ? (
            <p className="text-sm text-neutral-600">{t("plant.noLate")}</p>
          ) : (
            <ul className="divide-y divide-neutral-100">
              {data.late.items.map((m) => (
                <li key={m.id} className="flex items-center justify-between gap-3 py-2">
                  <Link href={`/mos/${m.id}`} className={`rounded font-medium text-neutral-900 hover:underline ${focusRing}`}>
                    {m.orderNo} · {m.name}
                  </Link>
                  <span className="shrink-0 text-sm font-medium text-red-700">{t("plant.due", { date: formatDate(m.deadline) })}</span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title={t("plant.inProgressPanel")} testId="in-progress">
          {data.inProgress.length === 0 ? (
            <p className="text-sm text-neutral-600">{t("plant.noInProgress")}</p>
          ) : (
            <ul className="space-y-3">
              {data.inProgress.map((m) => (
                <li key={m.id}>
                  <div className="mb-1 flex justify-between gap-3 text-sm">
                    <Link href={`/mos/${m.id}`} className={`rounded font-medium text-neutral-900 hover:underline ${focusRing}`}>
                      {m.orderNo} · {m.name}
                    </Link>
                    <span className="text-neutral-600">{m.deadline ? t("plant.due", { date: formatDate(m.deadline) }) : t("plant.noDeadline")}</span>
                  </div>
                  <ProgressBar progress={{ completed: m.completedWOs, total: m.totalWOs }} label={t("plant.progressOf", { orderNo: m.orderNo })} />
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>

      <Panel title={t("plant.durations")}>
        {data.durationsByOperation.length === 0 ? (
          <p className="text-sm text-neutral-600">{t("plant.noDurations")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-neutral-600">
              <tr>
                <th className="py-2 font-medium">{t("plant.colOperation")}</th>
                <th className="py-2 text-right font-medium">{t("plant.colCompleted")}</th>
                <th className="py-2 text-right font-medium">{t("plant.colAverage")}</th>
                <th className="py-2 text-right font-medium">{t("plant.colP90")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {data.durationsByOperation.map((d) => (
                <tr key={d.title}>
                  <td className="py-2 text-neutral-900">{d.title}</td>
                  <td className="py-2 text-right tabular-nums">{formatNumber(d.completed)}</td>
                  <td className="py-2 text-right tabular-nums">{formatMinutes(d.avgMinutes)}</td>
                  <td className="py-2 text-right tabular-nums">{formatMinutes(d.p90Minutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
