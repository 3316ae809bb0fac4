// The manager's view of the plant (also the admin's and, read-only, the viewer's): KPI cards, the
// 30-day throughput, late orders, orders in progress and worked minutes per operation.
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
import type { KpisView } from "./types";
import { formatDate, formatMinutes } from "../format";

export function PlantDashboard({ canExport }: { canExport: boolean }) {
  const { data, error, mutate } = useSWR<KpisView, ApiError>("/api/reports/kpis");
  useRealtime(["mo:created", "mo:updated", "wo:updated", "stock:changed"], () => void mutate());
  if (error) return <ErrorState message={error.message} onRetry={() => void mutate()} />;
  if (!data) return <LoadingState label="Loading figures…" />;
  const s = data.mosByState;
  const rate = data.onTime.rate === null ? "—" : `${Math.round(data.onTime.rate * 100)}%`;
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Planned" value={s.PLANNED} testId="kpi-planned" />
        <Stat label="In progress" value={s.IN_PROGRESS} testId="kpi-in-progress" />
        <Stat label="Done" value={s.DONE} testId="kpi-done" />
        <Stat label="Late" value={data.late.count} tone={data.late.count ? "bad" : "neutral"} hint="deadline passed, not done" testId="kpi-late" />
        <Stat label="On time (30 days)" value={rate} hint={`${data.onTime.onTime} of ${data.onTime.completed} with a deadline`} testId="kpi-on-time" />
        <Stat label="WOs completed today" value={data.workOrdersCompleted.today} testId="kpi-wo-today" />
        <Stat label="WOs completed this week" value={data.workOrdersCompleted.thisWeek} testId="kpi-wo-week" />
        <Stat label="Low-stock products" value={data.lowStock?.count ?? "—"} tone={data.lowStock?.count ? "bad" : "neutral"} testId="kpi-low-stock" />
      </div>

      <Panel title="Orders completed per day (last 30 days)" action={canExport ? <ExportMenu report="kpis" formats={["pdf", "xlsx"]} /> : undefined}>
        <ThroughputChart data={data.throughput} />
      </Panel>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Late orders" testId="late-orders">
          {data.late.items.length === 0 ? (
            <p className="text-sm text-neutral-600">No order is past its deadline.</p>
          ) : (
            <ul className="divide-y divide-neutral-100">
              {data.late.items.map((m) => (
                <li key={m.id} className="flex items-center justify-between gap-3 py-2">
                  <Link href={`/mos/${m.id}`} className={`rounded font-medium text-neutral-900 hover:underline ${focusRing}`}>
                    {m.orderNo} · {m.name}
                  </Link>
                  <span className="shrink-0 text-sm font-medium text-red-700">due {formatDate(m.deadline)}</span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="In progress" testId="in-progress">
          {data.inProgress.length === 0 ? (
            <p className="text-sm text-neutral-600">No order is in progress.</p>
          ) : (
            <ul className="space-y-3">
              {data.inProgress.map((m) => (
                <li key={m.id}>
                  <div className="mb-1 flex justify-between gap-3 text-sm">
                    <Link href={`/mos/${m.id}`} className={`rounded font-medium text-neutral-900 hover:underline ${focusRing}`}>
                      {m.orderNo} · {m.name}
                    </Link>
                    <span className="text-neutral-600">{m.deadline ? `due ${formatDate(m.deadline)}` : "no deadline"}</span>
                  </div>
                  <ProgressBar progress={{ completed: m.completedWOs, total: m.totalWOs }} label={`${m.orderNo} progress`} />
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>

      <Panel title="Worked minutes per operation (30 days)">
        {data.durationsByOperation.length === 0 ? (
          <p className="text-sm text-neutral-600">No work order was completed in this period.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-neutral-600">
              <tr>
                <th className="py-2 font-medium">Operation</th>
                <th className="py-2 text-right font-medium">Completed</th>
                <th className="py-2 text-right font-medium">Average</th>
                <th className="py-2 text-right font-medium">90th percentile</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {data.durationsByOperation.map((d) => (
                <tr key={d.title}>
                  <td className="py-2 text-neutral-900">{d.title}</td>
                  <td className="py-2 text-right tabular-nums">{d.completed}</td>
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
