// One place to download every report for a period, with the report's own filters.
import { useState } from "react";
import { ExportMenu, type ReportName } from "./ExportMenu";
import { hasPermission, useSignedInUser } from "../useMe";
import { focusRing } from "../ui/styles";

interface ReportDef {
  id: ReportName;
  label: string;
  description: string;
  needsStock?: boolean;
  states?: boolean;
  snapshot?: boolean;
}

const REPORTS: ReportDef[] = [
  { id: "mos", label: "Manufacturing orders", description: "State, product, quantities, deadlines, lateness and customer fields.", states: true },
  { id: "kpis", label: "KPI summary", description: "The dashboard figures for the period, with the throughput chart (one-page PDF)." },
  { id: "labor", label: "Labour", description: "Worked minutes per operator and per work center (pauses excluded), with labour cost." },
  { id: "costs", label: "Order costs", description: "Planned vs actual material cost and labour cost per order, total and per unit.", states: true },
  { id: "ledger", label: "Stock ledger", description: "Every stock movement with running balances.", needsStock: true },
  { id: "levels", label: "Stock levels", description: "Current levels, reorder points and stock value (a snapshot: no period).", needsStock: true, snapshot: true },
];

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function presets(now = new Date()): { label: string; from: string; to: string }[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const tomorrow = new Date(Date.UTC(y, m, now.getUTCDate() + 1));
  return [
    { label: "Last 30 days", from: isoDay(new Date(tomorrow.getTime() - 30 * 86400_000)), to: isoDay(tomorrow) },
    { label: "This month", from: isoDay(new Date(Date.UTC(y, m, 1))), to: isoDay(tomorrow) },
    { label: "Last month", from: isoDay(new Date(Date.UTC(y, m - 1, 1))), to: isoDay(new Date(Date.UTC(y, m, 1))) },
  ];
}

const input = `h-11 rounded-md border border-neutral-300 bg-white px-3 text-sm ${focusRing}`;

export function ReportsPage() {
  const me = useSignedInUser();
  const canStock = hasPermission(me, "stock:read");
  const options = presets();
  const [from, setFrom] = useState(options[0]!.from);
  const [to, setTo] = useState(options[0]!.to);
  const [state, setState] = useState("");
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const badPeriod = from >= to;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-neutral-900">Reports</h1>
        <p className="mt-1 text-neutral-600">Excel, CSV or PDF for a period. Large reports stream; PDFs are for summaries and shorter lists.</p>
      </div>
      <fieldset className="flex flex-wrap items-end gap-4 rounded-lg border border-neutral-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-neutral-900">Period</legend>
        <label className="flex flex-col gap-1 text-sm text-neutral-700">
          From
          <input type="date" className={input} value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm text-neutral-700">
          To (exclusive)
          <input type="date" className={input} value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <div className="flex flex-wrap gap-2">
          {options.map((p) => (
            <button
              key={p.label}
              type="button"
              onClick={() => {
                setFrom(p.from);
                setTo(p.to);
              }}
              className={`h-11 rounded-md border border-neutral-300 px-3 text-sm hover:bg-neutral-100 ${focusRing}`}
            >
              {p.label}
            </button>
          ))}
        </div>
        <label className="flex flex-col gap-1 text-sm text-neutral-700">
          Order state
          <select className={input} value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">Any</option>
            <option value="PLANNED">Planned</option>
            <option value="IN_PROGRESS">In progress</option>
            <option value="DONE">Done</option>
            <option value="CANCELED">Canceled</option>
          </select>
        </label>
        {badPeriod && (
          <p role="alert" className="w-full text-sm text-red-700">
            The end of the period must be after its start.
          </p>
        )}
      </fieldset>
      <ul className="grid gap-4 md:grid-cols-2">
        {REPORTS.filter((r) => !r.needsStock || canStock).map((r) => (
          <li key={r.id} className="rounded-lg border border-neutral-200 bg-white p-5 shadow-sm" data-testid={`report-${r.id}`}>
            <h2 className="text-base font-semibold text-neutral-900">{r.label}</h2>
            <p className="mb-4 mt-1 text-sm text-neutral-600">{r.description}</p>
            {!badPeriod && (
              <ExportMenu
                report={r.id}
                formats={r.id === "kpis" ? ["pdf", "xlsx", "csv"] : ["xlsx", "csv", "pdf"]}
                filters={r.snapshot ? {} : { from, to, tz, ...(r.states && state ? { state } : {}) }}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
