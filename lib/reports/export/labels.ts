// The words a report prints about itself: period, file name.
import type { ReportDoc, ReportName, ExportFormat } from "./model";
import { dateTimeIn, dayIn } from "./time";

/** "2026-11-01 00:00 to 2026-12-01 00:00 (UTC)", or "Snapshot at …" for reports of the present. */
export function periodLabel(doc: Pick<ReportDoc, "period" | "tz" | "generatedAt">): string {
  if (!doc.period) return `Snapshot at ${dateTimeIn(doc.generatedAt, doc.tz)} (${doc.tz})`;
  return `${dateTimeIn(doc.period.from, doc.tz)} to ${dateTimeIn(doc.period.to, doc.tz)} (${doc.tz}; the end is not included)`;
}

const FILE_STEM: Record<ReportName, string> = {
  mos: "manufacturing-orders",
  ledger: "stock-ledger",
  levels: "stock-levels",
  kpis: "kpis",
  labor: "labor",
  costs: "mo-costs",
};

/**
 * `stock-ledger_2026-11-01_2026-11-30.xlsx`: the first and the last day the period covers, in its
 * time zone (the period's end is exclusive, so `to=2026-12-01` ends on 2026-11-30); snapshots carry
 * the day they were taken (`stock-levels_2026-11-21.xlsx`).
 */
export function exportFilename(doc: Pick<ReportDoc, "report" | "period" | "tz" | "generatedAt">, format: ExportFormat): string {
  const stem = FILE_STEM[doc.report];
  if (!doc.period) return `${stem}_${dayIn(doc.generatedAt, doc.tz)}.${format}`;
  const last = new Date(doc.period.to.getTime() - 1);
  return `${stem}_${dayIn(doc.period.from, doc.tz)}_${dayIn(last, doc.tz)}.${format}`;
}
