import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { KpisView } from "./types";

/** MOs completed per day over the last 30 days (recharts). */
export function ThroughputChart({ data }: { data: KpisView["throughput"] }) {
  const rows = data.map((d) => ({ ...d, label: d.day.slice(5) }));
  return (
    <div className="h-64 w-full" data-testid="throughput-chart" role="img" aria-label={`Manufacturing orders completed per day, last 30 days: ${data.reduce((s, d) => s + d.mosCompleted, 0)} in total`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e5e5" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#525252" }} interval={4} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#525252" }} />
          <Tooltip formatter={(v) => [String(v), "Orders completed"]} labelFormatter={(l) => `Day ${String(l)}`} />
          <Bar dataKey="mosCompleted" name="Orders completed" fill="#171717" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
