// The words a report prints about itself: period, file name, in the reader's language.
import { translator } from "../../i18n/translator";
import type { ReportDoc, ExportFormat } from "./model";
import { dayIn } from "./time";
import { dateTimeText } from "./words";

/** "2026-11-01 00:00 to 2026-12-01 00:00 (UTC; …)", or "Snapshot at …" for reports of the present. */
export function periodLabel(doc: Pick<ReportDoc, "period" | "tz" | "generatedAt" | "locale">): string {
  const t = translator(doc.locale, "exports");
  if (!doc.period) return t("doc.snapshot", { when: dateTimeText(doc.generatedAt, doc.tz, doc.locale), tz: doc.tz });
  return t("doc.range", { from: dateTimeText(doc.period.from, doc.tz, doc.locale), to: dateTimeText(doc.period.to, doc.tz, doc.locale), tz: doc.tz });
}

/** The file name's stem in the reader's language ("stock-ledger", "voorraadmutaties"). */
function fileStem(doc: Pick<ReportDoc, "report" | "locale">): string {
  const t = translator(doc.locale, "exports");
  switch (doc.report) {
    case "mos":
      return t("file.mos");
    case "ledger":
      return t("file.ledger");
    case "levels":
      return t("file.levels");
    case "kpis":
      return t("file.kpis");
    case "labor":
      return t("file.labor");
    case "costs":
      return t("file.costs");
    case "downtime":
      return t("file.downtime");
    case "oee":
      return t("file.oee");
    case "scrap":
      return t("file.scrap");
    case "countSheet":
      return translator(doc.locale, "moves")("sheet.file");
  }
}

/**
 * `stock-ledger_2026-11-01_2026-11-30.xlsx` (`voorraadmutaties_…` in Dutch): the first and the last
 * day the period covers, in its time zone (the period's end is exclusive, so `to=2026-12-01` ends on
 * 2026-11-30); snapshots carry the day they were taken (`stock-levels_2026-11-21.xlsx`). The days stay
 * ISO in every language, so the files sort by date.
 */
export function exportFilename(doc: Pick<ReportDoc, "report" | "period" | "tz" | "generatedAt" | "locale">, format: ExportFormat): string {
  const stem = fileStem(doc);
  if (!doc.period) return `${stem}_${dayIn(doc.generatedAt, doc.tz)}.${format}`;
  const last = new Date(doc.period.to.getTime() - 1);
  return `${stem}_${dayIn(doc.period.from, doc.tz)}_${dayIn(last, doc.tz)}.${format}`;
}
