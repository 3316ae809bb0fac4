// One place to download every report for a period, with the report's own filters.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SCRAP_REASONS } from "@/lib/stock/schemas";
import { ExportMenu, type ReportName } from "./ExportMenu";
import { OeeTable } from "./OeeTable";
import { hasPermission, useSignedInUser } from "../useMe";
import { focusRing } from "../ui/styles";

// Each report's name and description are the catalog's `report.<id>.label` / `.description`.
interface ReportDef {
  id: ReportName;
  needsStock?: boolean;
  states?: boolean;
  snapshot?: boolean;
  /** Takes a scrap reason (the scrap report). */
  reasons?: boolean;
}

const REPORTS: ReportDef[] = [
  { id: "mos", states: true },
  { id: "kpis" },
  { id: "labor" },
  { id: "costs", states: true },
  { id: "oee" },
  { id: "downtime" },
  { id: "ledger", needsStock: true },
  { id: "levels", needsStock: true, snapshot: true },
  { id: "scrap", needsStock: true, reasons: true },
];

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The period shortcuts; `id` names each one's label in the catalog (`preset.<id>`). */
function presets(now = new Date()): { id: "last30" | "thisMonth" | "lastMonth"; from: string; to: string }[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const tomorrow = new Date(Date.UTC(y, m, now.getUTCDate() + 1));
  return [
    { id: "last30", from: isoDay(new Date(tomorrow.getTime() - 30 * 86400_000)), to: isoDay(tomorrow) },
    { id: "thisMonth", from: isoDay(new Date(Date.UTC(y, m, 1))), to: isoDay(tomorrow) },
    { id: "lastMonth", from: isoDay(new Date(Date.UTC(y, m - 1, 1))), to: isoDay(new Date(Date.UTC(y, m, 1))) },
  ];
}

const input = `h-11 rounded-md border border-neutral-300 bg-white px-3 text-sm ${focusRing}`;

/** Every report the person may download, for one period and (where it applies) one order state. */
export function ReportsPage() {
  const t = useTranslations("reports");
  const me = useSignedInUser();
  const canStock = hasPermission(me, "stock:read");
  const options = presets();
  const [from, setFrom] = useState(options[0]!.from);
  const [to, setTo] = useState(options[0]!.to);
  const [state, setState] = useState("");
  const [reason, setReason] = useState("");
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const badPeriod = from >= to;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-neutral-900">{t("page.title")}</h1>
        <p className="mt-1 text-neutral-600">{t("page.description")}</p>
      </div>
      <fieldset className="flex flex-wrap items-end gap-4 rounded-lg border border-neutral-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-neutral-900">{t("page.period")}</legend>
        <label className="flex flex-col gap-1 text-sm text-neutral-700">
          {t("page.from")}
          <input type="date" className={input} value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm text-neutral-700">
          {t("page.to")}
          <input type="date" className={input} value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <div className="flex flex-wrap gap-2">
          {options.map((p) => (
            <button
              key={p.id}
              type="button"
              onClick={() => {
                setFrom(p.from);
                setTo(p.to);
              }}
              className={`h-11 rounded-md border border-neutral-300 px-3 text-sm hover:bg-neutral-100 ${focusRing}`}
            >
              {t(`preset.${p.id}`)}
            </button>
          ))}
        </div>
        <label className="flex flex-col gap-1 text-sm text-neutral-700">
          {t("page.orderState")}
          <select className={input} value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{t("page.anyState")}</option>
            <option value="PLANNED">{t("state.PLANNED")}</option>
            <option value="IN_PROGRESS">{t("state.IN_PROGRESS")}</option>
            <option value="DONE">{t("state.DONE")}</option>
            <option value="CANCELED">{t("state.CANCELED")}</option>
          </select>
        </label>
        {badPeriod && (
          <p role="alert" className="w-full text-sm text-red-700">
            {t("page.badPeriod")}
          </p>
        )}
      </fieldset>
      {!badPeriod && <OeeTable from={from} to={to} tz={tz} />}
      <ul className="grid gap-4 md:grid-cols-2">
        {REPORTS.filter((r) => !r.needsStock || canStock).map((r) => (
          <li key={r.id} className="rounded-lg border border-neutral-200 bg-white p-5 shadow-sm" data-testid={`report-${r.id}`}>
            <h2 className="text-base font-semibold text-neutral-900">{t(`report.${r.id}.label`)}</h2>
            <p className="mb-4 mt-1 text-sm text-neutral-600">{t(`report.${r.id}.description`)}</p>
            {r.reasons && (
              <label className="mb-4 flex flex-col gap-1 text-sm text-neutral-700">
                {t("page.reason")}
                <select className={input} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="scrap-reason-filter">
                  <option value="">{t("page.anyReason")}</option>
                  {SCRAP_REASONS.map((x) => (
                    <option key={x} value={x}>
                      {t(`reason.${x}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {!badPeriod && (
              <ExportMenu
                report={r.id}
                formats={r.id === "kpis" ? ["pdf", "xlsx", "csv"] : ["xlsx", "csv", "pdf"]}
                filters={r.snapshot ? {} : { from, to, tz, ...(r.states && state ? { state } : {}), ...(r.reasons && reason ? { reason } : {}) }}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
