// CSV: RFC 4180 (CRLF, fields quoted when needed, quotes doubled) after a UTF-8 byte order mark (so
// Excel reads "×" and accents as UTF-8), one header row of column keys, instants as wall-clock
// `YYYY-MM-DD HH:mm` in the report's time zone, numbers with a '.' decimal point. A report of several tables becomes one
// table with a leading `section` column over the union of their columns. Each batch of rows is
// formatted by csv-stringify into one string and written at once: one write (and one HTTP chunk) per
// batch instead of per row, and the next batch is read only when the response has drained.
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { stringify, type Options } from "csv-stringify/sync";
import type { ReportDoc, Row, Section } from "./model";
import { drained } from "./sink";
import { wallClock } from "./time";

/** The UTF-8 byte order mark: without it Excel reads a CSV in the machine's legacy code page. */
export const BOM = "\uFEFF";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `2026-11-21 14:05` in `tz` (through wallClock's cached offsets: a ledger export formats millions). */
export function csvDateTime(d: Date, tz: string): string {
  const w = wallClock(d, tz);
  return `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe: a note typed by one user must not execute on another user's machine (CSV injection).
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

type Record_ = Record<string, string | number | boolean | Date | null>;

function toRecord(row: Row, section: Section, multi: boolean): Record_ {
  const out: Record_ = multi ? { section: section.name } : {};
  for (const c of section.columns) {
    const v = row[c.key] ?? null;
    out[c.key] = typeof v === "string" && c.type === "text" ? defuseFormula(v) : v;
  }
  return out;
}

/** Writes `text` and waits until `out` wants more (ClientGone if it was closed). */
async function send(out: Writable, text: string): Promise<void> {
  out.write(text);
  await drained(out);
}

/** Streams the report as CSV into `out` (and ends it). */
export async function writeCsv(doc: ReportDoc, out: Writable): Promise<void> {
  const multi = doc.sections.length > 1;
  const keys: string[] = multi ? ["section"] : [];
  for (const s of doc.sections) for (const c of s.columns) if (!keys.includes(c.key)) keys.push(c.key);
  const options: Options = {
    columns: keys,
    record_delimiter: "\r\n",
    cast: {
      date: (d) => csvDateTime(d, doc.tz),
      boolean: (b) => (b ? "true" : "false"),
      number: (n) => String(n),
    },
  };
  await send(out, BOM + stringify([], { ...options, header: true }));
  for (const s of doc.sections) {
    for await (const batch of s.rows()) await send(out, stringify(batch.map((r) => toRecord(r, s, multi)), options));
    const totals = s.totals?.();
    if (totals) await send(out, stringify([toRecord(totals, s, multi)], options));
  }
  out.end();
  await finished(out);
}
