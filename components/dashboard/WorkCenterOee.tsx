// The load on each work center, on the plant dashboard: the last 7 days' run time, downtime and OEE
// per work center (GET /api/reports/oee, the reports page's figures; docs/domain.md "Shop floor").
import { useTranslations } from "next-intl";
import Link from "next/link";
import useSWR from "swr";
import type { getFloorFigures } from "@/lib/reports/floor";
import type { Jsonify } from "@/types/json";
import type { ApiError } from "../api";
import { formatMinutes, formatPercent } from "../format";
import { ErrorState, LoadingState } from "../ui/States";
import { focusRing } from "../ui/styles";
import { Panel } from "./Card";

type Figures = Jsonify<Awaited<ReturnType<typeof getFloorFigures>>>;

/** Today and the 6 days before it, as `[from, to)` dates in the browser's time zone. */
export function lastSevenDays(tz: string, now = new Date()): { from: string; to: string } {
  const [y, m, d] = now.toLocaleDateString("en-CA", { timeZone: tz }).split("-").map(Number) as [number, number, number];
  const day = (offset: number) => new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
  return { from: day(-6), to: day(1) };
}

/** One row per work center: run, downtime, OEE (and its three factors), busiest first. */
export function WorkCenterOee() {
  const t = useTranslations("dashboard.plant.centers");
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { from, to } = lastSevenDays(tz);
  const { data, error, mutate } = useSWR<Figures, ApiError>(`/api/reports/oee?${new URLSearchParams({ from, to, tz })}`);
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(v));
  const rows = [...(data?.items ?? [])].sort((a, b) => b.runMin + b.downtimeMin - (a.runMin + a.downtimeMin));
  return (
    <Panel
      title={t("title")}
      testId="work-center-oee"
      action={
        <Link href="/reports" className={`rounded text-sm font-medium text-blue-800 hover:underline ${focusRing}`}>
          {t("more")}
        </Link>
      }
    >
      {error ? (
        <ErrorState message={error.message} onRetry={() => void mutate()} />
      ) : !data ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <p className="text-sm text-neutral-600">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-neutral-200 text-xs uppercase tracking-wide text-neutral-600">
              <tr>
                <th scope="col" className="py-2 pr-3">{t("col.workCenter")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("col.run")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("col.downtime")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("col.factors")}</th>
                <th scope="col" className="py-2 text-right">{t("col.oee")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {rows.map((r) => (
                <tr key={r.workCenterId ?? "none"} data-testid="work-center-oee-row" data-center={r.name ?? ""}>
                  <th scope="row" className="py-2 pr-3 font-medium text-neutral-900">{r.name ?? t("noCenter")}</th>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatMinutes(r.runMin)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatMinutes(r.downtimeMin)}</td>
                  <td className="py-2 pr-3 text-right text-neutral-700 tabular-nums">{t("factors", { availability: pct(r.availability), performance: pct(r.performance), quality: pct(r.quality) })}</td>
                  <td className="py-2 text-right font-semibold tabular-nums" data-testid="work-center-oee-value">{pct(r.oee)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
