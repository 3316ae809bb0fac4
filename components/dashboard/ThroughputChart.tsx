import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "../format";
import type { KpisView } from "./types";

/** MOs completed per day over the last 30 days (recharts). */
export function ThroughputChart({ data }: { data: KpisView["throughput"] }) {
  const t = useTranslations("dashboard");
  // The axis shows month and day in the language's order ("11-29"; nl "29-11"), from the API's YYYY-MM-DD.
  const rows = data.map((d) => ({ ...d, label: t("chart.day", { month: d.day.slice(5, 7), day: d.day.slice(8, 10) }) }));
  const series = t("chart.series");
  return (
    <div className="h-64 w-full" data-testid="throughput-chart" role="img" aria-label={t("chart.label", { total: data.reduce((s, d) => s + d.mosCompleted, 0) })}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e5e5" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#525252" }} interval={4} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#525252" }} tickFormatter={(v: number) => formatNumber(v)} />
          <Tooltip formatter={(v) => [formatNumber(Number(v)), series]} labelFormatter={(l) => t("chart.tooltipDay", { day: String(l) })} />
          <Bar dataKey="mosCompleted" name={series} fill="#171717" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
