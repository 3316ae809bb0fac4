// xlsx through exceljs' streaming WorkbookWriter: each row is committed (serialised into the zip) as
// soon as it is added, so only the current batch is ever in memory. One sheet per table, numbers as
// numbers, dates as dates with a format, column widths, a bold header row frozen in place, and an
// "About" sheet with the title, period, filters and generation time.
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { Locale } from "../../i18n/config";
import { translator } from "../../i18n/translator";
import type { Cell, Column, ColumnType, ReportDoc, Row } from "./model";
import { ClientGone, drained, sleep, yieldToIo } from "./sink";
import { dayAsDate, wallClock } from "./time";
import { periodLabel } from "./labels";
import { cellInWords, dateTimeText } from "./words";

const NUM_FMT: Record<ColumnType, string | undefined> = {
  text: undefined,
  bool: undefined,
  int: "0",
  quantity: undefined, // General: "5" and "12.5" (a "#,##0.####" format would show "5.")
  money: "#,##0.00",
  minutes: "#,##0.00",
  percent: "0.0%",
  datetime: "yyyy-mm-dd hh:mm",
  date: "yyyy-mm-dd",
};

/** Number formats are the spreadsheet's (it shows its reader's separators); only dates read day first in Dutch. */
function numFmt(type: ColumnType, locale: Locale): string | undefined {
  if (locale === "nl" && type === "datetime") return "dd-mm-yyyy hh:mm";
  if (locale === "nl" && type === "date") return "dd-mm-yyyy";
  return NUM_FMT[type];
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet";
  for (let i = 2; used.has(base.toLowerCase()); i++) base = `${name.slice(0, 28)} ${i}`;
  used.add(base.toLowerCase());
  return base;
}

function cellValue(v: Cell, c: Column, tz: string, locale: Locale): ExcelJS.CellValue {
  const type = c.type;
  if (v === null) return null;
  if (c.values) return cellInWords(v, c.values, locale);
  if (type === "datetime" && v instanceof Date) return wallClock(v, tz);
  if (type === "date" && typeof v === "string") return dayAsDate(v);
  return v;
}

/** How much the zip may hold unprocessed before the export waits for it. */
const ZIP_BACKLOG = 4 * 1024 * 1024;

interface Backlogged {
  writableLength?: number;
  _writableState?: { length?: number };
}

/**
 * Bytes waiting in the stream that an exceljs streaming sheet writes into (archiver's entry stream,
 * in front of the deflate stream). exceljs writes into it without looking at back-pressure, so when
 * the database is faster than compression that queue would grow without bound. Found through
 * exceljs' internals (WorksheetWriter.stream → StreamBuf.pipes); 0 if they change, and then only the
 * response's back-pressure applies.
 */
function zipBacklog(ws: ExcelJS.Worksheet): number {
  const pipes = (ws as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const entry = (Array.isArray(pipes) ? pipes[0] : undefined) as Backlogged | undefined;
  if (!entry || typeof entry !== "object") return 0;
  return entry.writableLength ?? entry._writableState?.length ?? 0;
}

/** Waits until the zip holds at most `limit` unprocessed bytes of the sheet (ClientGone if the response closes meanwhile). */
async function zipCaughtUp(ws: ExcelJS.Worksheet, out: Writable, limit: number): Promise<void> {
  while (zipBacklog(ws) > limit) {
    if (out.destroyed || out.writableEnded) throw new ClientGone();
    await sleep(2);
  }
}

function values(row: Row, columns: Column[], tz: string, locale: Locale): ExcelJS.CellValue[] {
  return columns.map((c) => cellValue(row[c.key] ?? null, c, tz, locale));
}

/** Streams the report as an xlsx workbook into `out` (and ends it). */
export async function writeXlsx(doc: ReportDoc, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "MES";
  wb.created = doc.generatedAt;
  wb.title = doc.title;
  const used = new Set<string>();
  for (const s of doc.sections) {
    const ws = wb.addWorksheet(sheetName(s.name, used), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({
      header: c.header,
      key: c.key,
      // exceljs leaves out a width equal to its default (9), and readers then fall back to theirs.
      width: c.width === 9 ? 10 : c.width,
      style: numFmt(c.type, doc.locale) ? { numFmt: numFmt(c.type, doc.locale) } : {},
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.commit();
    // One style object per column, shared by its cells: exceljs gives every new cell a fresh copy of
    // the column's style and then derives the style id from it cell by cell; with a shared object its
    // own per-object cache answers after the first cell (a third of the xlsx time on a large ledger).
    const styles = s.columns.map((c): Partial<ExcelJS.Style> => {
      const fmt = numFmt(c.type, doc.locale);
      return fmt ? { numFmt: fmt } : {};
    });
    for await (const batch of s.rows()) {
      for (const row of batch) {
        const r = ws.addRow(values(row, s.columns, doc.tz, doc.locale));
        for (let i = 0; i < styles.length; i++) r.getCell(i + 1).style = styles[i]!;
        r.commit();
      }
      // Let compression catch up (see zipBacklog), then wait for the response to take its output.
      await yieldToIo();
      await zipCaughtUp(ws, out, ZIP_BACKLOG);
      await drained(out);
    }
    const totals = s.totals?.();
    if (totals) {
      const r = ws.addRow(values(totals, s.columns, doc.tz, doc.locale));
      r.font = { bold: true };
      r.commit();
    }
    ws.commit();
    // The next sheet's rows would wait in memory until the zip has taken this one.
    await zipCaughtUp(ws, out, 0);
  }

  const t = translator(doc.locale, "exports");
  const about = wb.addWorksheet(sheetName(t("about.sheet"), used), { views: [{ state: "frozen", ySplit: 1 }] });
  about.columns = [
    { header: t("about.field"), key: "field", width: 18 },
    { header: t("about.value"), key: "value", width: 80 },
  ];
  const aboutHeader = about.getRow(1);
  aboutHeader.font = { bold: true };
  aboutHeader.commit();
  const lines: [string, string][] = [
    [t("about.report"), doc.title],
    [t("about.period"), periodLabel(doc)],
    ...doc.filters.map((f): [string, string] => [t("about.filter"), f]),
    [t("about.timeZone"), doc.tz],
    [t("about.generated"), t("about.generatedAt", { when: dateTimeText(doc.generatedAt, doc.tz, doc.locale), tz: doc.tz })],
    ...(doc.notes ?? []).map((n): [string, string] => [t("about.note"), n]),
  ];
  for (const [field, value] of lines) about.addRow([field, value]).commit();
  about.commit();
  await wb.commit();
}
