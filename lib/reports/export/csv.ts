// CSV: RFC 4180 framing (CRLF, fields quoted when needed, quotes doubled) after a UTF-8 byte order mark
// (so Excel reads "×" and accents as UTF-8), one header row, instants as wall-clock `YYYY-MM-DD HH:mm`
// in the report's time zone. The dialect (model.ts CSV_DIALECTS) sets the rest: `rfc4180`, and the
// `excel` default of English readers, separate with ',' and write '.' decimals under a header of column
// keys; `excel` for Dutch readers is what Dutch Excel opens: ';' between fields, ',' decimals (no
// thousands separator), Dutch headers, ja/nee and coded values in Dutch. A report of several tables
// becomes one table with a leading `section` column over the union of their columns. Each batch of rows is
// formatted by csv-stringify into one string and written at once: one write (and one HTTP chunk) per
// batch instead of per row, and the next batch is read only when the response has drained.
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { stringify, type Options } from "csv-stringify/sync";
import type { Locale } from "../../i18n/config";
import { translator } from "../../i18n/translator";
import type { Column, CsvDialect, ReportDoc, Row, Section } from "./model";
import { drained } from "./sink";
import { wallClock } from "./time";
import { boolText, cellInWords } from "./words";

/** How a CSV file is spelled: separator, decimal mark, and whether it speaks the reader's words. */
export interface CsvSpelling {
  delimiter: "," | ";";
  decimal: "." | ",";
  /** True: headers, section names, yes/no and coded values in the reader's language; false: keys and raw values. */
  words: boolean;
}

/** The machine spelling: RFC 4180 with '.' decimals, column keys and raw values (the service builds
 * such a file in English, so its section names and totals labels do not depend on the reader either). */
const MACHINE: CsvSpelling = { delimiter: ",", decimal: ".", words: false };

/**
 * What a spreadsheet in each language opens by double-click. English Excel reads the machine file as it
 * is (and it stays the file English readers always got); Dutch Excel splits on ';' and reads ',' decimals.
 */
const SPREADSHEET: Record<Locale, CsvSpelling> = {
  en: MACHINE,
  nl: { delimiter: ";", decimal: ",", words: true },
};

/** The spelling of a dialect for a reader. */
export function csvSpelling(dialect: CsvDialect, locale: Locale): CsvSpelling {
  return dialect === "rfc4180" ? MACHINE : SPREADSHEET[locale];
}

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

type Cell = string | number | boolean | Date | null;

/** What fills one of the file's columns for a section's rows: the section's name, one of its columns, or nothing. */
type Slot = "section" | Column | null;

/** The section's slot for each of the file's columns (`keys`, in the header's order; `section` first when several). */
function slotsOf(section: Section, keys: string[], multi: boolean): Slot[] {
  return keys.map((k, i) => (multi && i === 0 ? "section" : (section.columns.find((c) => c.key === k) ?? null)));
}

/**
 * A row as the file's columns in order (a column only another section has stays empty). Records as arrays:
 * csv-stringify then takes each field by position, where for an object it looks each column's key up as a
 * property path (a regex test and a walk per field: a quarter of a ledger export's time).
 */
function toRecord(row: Row, section: Section, slots: Slot[], locale: Locale | null): Cell[] {
  return slots.map((slot) => {
    if (slot === null) return null;
    if (slot === "section") return section.name;
    const raw = row[slot.key] ?? null;
    const v = locale ? cellInWords(raw, slot.values, locale) : raw;
    return typeof v === "string" && slot.type === "text" ? defuseFormula(v) : v;
  });
}

/** Writes `text` and waits until `out` wants more (ClientGone if it was closed). */
async function send(out: Writable, text: string): Promise<void> {
  out.write(text);
  await drained(out);
}

/** Streams the report as CSV in `dialect` into `out` (and ends it). */
export async function writeCsv(doc: ReportDoc, out: Writable, dialect: CsvDialect = "excel"): Promise<void> {
  const spelling = csvSpelling(dialect, doc.locale);
  const words = spelling.words ? doc.locale : null;
  const t = translator(doc.locale, "exports");
  const multi = doc.sections.length > 1;
  // A key's header in words names what each table keeps in it ("Operator / Werkplek" for the labour
  // report's `name`, which holds operators in one table and work centers in the other).
  const headers = new Map<string, string[]>(multi ? [["section", [t("doc.section")]]] : []);
  for (const s of doc.sections) {
    for (const c of s.columns) {
      const seen = headers.get(c.key) ?? [];
      if (!seen.includes(c.header)) seen.push(c.header);
      headers.set(c.key, seen);
    }
  }
  const columns = [...headers].map(([key, names]) => ({ key, header: words ? names.join(" / ") : key }));
  const keys = columns.map((c) => c.key);
  const options: Options = {
    columns,
    delimiter: spelling.delimiter,
    record_delimiter: "\r\n",
    cast: {
      date: (d) => csvDateTime(d, doc.tz),
      boolean: (b) => (words ? boolText(b, words) : b ? "true" : "false"),
      // String(n) never groups thousands; the decimal mark is the dialect's.
      number: (n) => (spelling.decimal === "," ? String(n).replace(".", ",") : String(n)),
    },
  };
  await send(out, BOM + stringify([], { ...options, header: true }));
  for (const s of doc.sections) {
    const slots = slotsOf(s, keys, multi);
    for await (const batch of s.rows()) await send(out, stringify(batch.map((r) => toRecord(r, s, slots, words)), options));
    const totals = s.totals?.();
    if (totals) await send(out, stringify([toRecord(totals, s, slots, words)], options));
  }
  out.end();
  await finished(out);
}
