// OEE per work center for the reports page's period (GET /api/reports/oee): availability ×
// performance × quality from time logs, pauses, planned minutes and good/scrap (docs/domain.md
// "Shop floor"), and the downtime behind it per reason.
import { useTranslations } from "next-intl";
import useSWR from "swr";
import type { getFloorFigures } from "@/lib/reports/floor";
import type { Jsonify } from "@/types/json";
import type { ApiError } from "../api";
import { errorMessage } from "../api";
import { formatMinutes, formatPercent } from "../format";
import { usePauseReasonLabel } from "../operator/PauseReasonPicker";
import { ErrorState, LoadingState } from "../ui/States";

type Figures = Jsonify<Awaited<ReturnType<typeof getFloorFigures>>>;

/** The OEE table (one row per work center) for `[from, to)` in `tz`. */
export function OeeTable({ from, to, tz }: { from: string; to: string; tz: string }) {
  const t = useTranslations("reports");
  const reasonLabel = usePauseReasonLabel();
  const url = `/api/reports/oee?${new URLSearchParams({ from, to, tz })}`;
  const { data, error, mutate } = useSWR<Figures, ApiError>(url);
  const pct = (v: number | null) => (v === null ? t("oee.none") : formatPercent(v));
  return (
    <section className="rounded-lg border border-neutral-200 bg-white p-5 shadow-sm" aria-labelledby="oee-title" data-testid="oee">
      <h2 id="oee-title" className="text-base font-semibold text-neutral-900">
        {t("oee.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("oee.description")}</p>
      {error ? (
        <ErrorState message={errorMessage(error)} onRetry={() => void mutate()} />
      ) : !data ? (
        <LoadingState />
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-neutral-200 text-xs uppercase tracking-wide text-neutral-500">
              <tr>
                <th scope="col" className="py-2 pr-3">{t("oee.col.workCenter")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("oee.col.run")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("oee.col.downtime")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("oee.col.availability")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("oee.col.performance")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("oee.col.quality")}</th>
                <th scope="col" className="py-2 text-right">{t("oee.col.oee")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {data.items.map((r) => {
                const downs = data.downtime.filter((d) => d.workCenterId === r.workCenterId);
                return (
                  <tr key={r.workCenterId ?? "none"} data-testid="oee-row" data-center={r.name ?? ""}>
                    <th scope="row" className="py-2 pr-3 font-medium text-neutral-900">
                      {r.name ?? t("oee.noCenter")}
                      {downs.length > 0 && (
                        <span className="block text-xs font-normal text-neutral-600">
                          {downs.map((d) => t("oee.downtimeBy", { reason: reasonLabel({ code: d.code, name: d.reason }), duration: formatMinutes(d.minutes) })).join(" · ")}
                        </span>
                      )}
                    </th>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatMinutes(r.runMin)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatMinutes(r.downtimeMin)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{pct(r.availability)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{pct(r.performance)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{pct(r.quality)}</td>
                    <td className="py-2 text-right font-semibold tabular-nums">{pct(r.oee)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
