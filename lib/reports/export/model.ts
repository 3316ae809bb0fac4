// The shape every export shares: a report is a document of one or more tables (sections) whose rows
// arrive in batches, so a writer (CSV, xlsx, PDF) never needs the whole report in memory.
import type { Locale } from "../../i18n/config";
import type { Period } from "../schemas";

export const REPORTS = ["mos", "ledger", "levels", "kpis", "labor", "costs", "downtime", "oee", "scrap"] as const;
export type ReportName = (typeof REPORTS)[number];

export const FORMATS = ["xlsx", "pdf", "csv"] as const;
export type ExportFormat = (typeof FORMATS)[number];

/**
 * CSV flavours: `excel` (the default) is what the reader's spreadsheet opens in their language (Dutch:
 * `;` between fields, `,` decimals, Dutch headers and words; English: today's comma file with column
 * keys); `rfc4180` is for machines whatever the language: `,`, `.` decimals, column keys, raw codes.
 */
export const CSV_DIALECTS = ["excel", "rfc4180"] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/** Coded values a text column may hold, shown in the reader's words (except in machine CSV). */
export type ValueKind = "state" | "priority" | "source" | "scrapReason" | "scrapSource";

/** A cell: `date` columns carry "YYYY-MM-DD" strings (a calendar day), `datetime` columns instants. */
export type Cell = string | number | boolean | Date | null;
export type Row = Record<string, Cell>;

/**
 * How a column is typed and shown: numbers stay numbers in xlsx and CSV; `money` and `minutes` get two
 * decimals in xlsx/PDF display only (the value keeps its 4 decimals).
 */
export type ColumnType = "text" | "int" | "quantity" | "money" | "minutes" | "percent" | "datetime" | "date" | "bool";

export interface Column {
  /** The machine CSV header and the row property. */
  key: string;
  /** The xlsx / PDF / spreadsheet-CSV header, in the reader's language. */
  header: string;
  type: ColumnType;
  /** Width in characters (xlsx); text columns share the PDF page's free width in these proportions. */
  width: number;
  /** False: left out of the PDF, whose landscape page cannot hold every column (xlsx and CSV have them all). */
  pdf?: boolean;
  /** The column holds codes (DONE, HIGH, RECEIPT) that people read in their words. */
  values?: ValueKind;
}

export interface Section {
  /** Sheet name (≤ 31 characters) and the value of the CSV `section` column of multi-table reports. */
  name: string;
  /** Heading above the table in the PDF. */
  title: string;
  columns: Column[];
  /** The rows in batches, read once. */
  rows(): AsyncIterable<Row[]>;
  /** How many rows `rows()` will yield (for the PDF row limit); counted in SQL. */
  count(): Promise<number>;
  /** A totals row, available once `rows()` has been read to the end. */
  totals?(): Row | null;
}

/** Documents made outside GET /api/reports/export with the same writers (the count sheet, docs/locations.md). */
export type SheetName = "countSheet";

export interface ReportDoc {
  report: ReportName | SheetName;
  /** The reader's language: headers, titles and words are already in it; writers add theirs. */
  locale: Locale;
  title: string;
  /** Null for snapshots (stock levels): they describe "now", not a period. */
  period: Period | null;
  tz: string;
  /** Human-readable filters in the reader's language, e.g. "State: DONE". */
  filters: string[];
  generatedAt: Date;
  sections: Section[];
  /** Fine print printed under the title (how figures are computed). */
  notes?: string[];
}
