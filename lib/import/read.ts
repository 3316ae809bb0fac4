// Reads an uploaded file (lib/http/upload.ts spooled it to disk) as a header and rows of cell text,
// streaming: CSV through csv-parse, XLSX through exceljs's streaming reader; a multipart body through
// busboy (its other form fields come back too). The rows are the one copy held in memory.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import busboy from "busboy";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import type { Upload } from "../http/upload";
import { ValidationError } from "../errors";
import { MAX_IMPORT_ROWS } from "./schemas";

/** A cell: text, or a number when the workbook stored one (its decimal point is not the file's choice). */
export type Cell = string | number;

export interface SheetRow {
  /** 1-based, as a spreadsheet numbers it (the header is row 1 when it is the first line). */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  headers: string[];
  /** The header's row number. */
  headerRow: number;
  rows: SheetRow[];
  /** More data rows than MAX_IMPORT_ROWS (the rest were not read). */
  truncated: boolean;
  /** Form fields of a multipart body (dryRun, decimal, mapping). */
  fields: Record<string, string>;
  filename: string | null;
}

type Format = "csv" | "xlsx";

const XLSX_TYPES = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel.sheet.macroenabled.12"];

function formatOf(filename: string | null, mime: string, firstBytes: Buffer | null): Format {
  const name = filename?.toLowerCase() ?? "";
  if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || XLSX_TYPES.includes(mime)) return "xlsx";
  if (name.endsWith(".csv") || name.endsWith(".txt") || mime.startsWith("text/")) return "csv";
  // Unnamed: a zip (PK\x03\x04) is a workbook, anything else is read as text.
  return firstBytes && firstBytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? "xlsx" : "csv";
}

/** One cell, whatever exceljs made of it: numbers stay numbers, everything else becomes text. */
function cellText(v: unknown): Cell {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join("");
    if ("result" in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}

const unreadable = (why: string) => new ValidationError(`The file could not be read: ${why}.`, { code: "UNREADABLE_FILE" });

class Collector {
  headers: string[] | null = null;
  headerRow = 0;
  rows: SheetRow[] = [];
  truncated = false;

  add(row: number, cells: Cell[]): void {
    if (cells.every((c) => typeof c === "string" && c.trim() === "")) return;
    if (!this.headers) {
      this.headers = cells.map((c) => String(c).trim());
      this.headerRow = row;
      return;
    }
    if (this.rows.length >= MAX_IMPORT_ROWS) {
      this.truncated = true;
      return;
    }
    this.rows.push({ row, cells });
  }
}

/** The delimiter of a CSV file, from its first line: the most frequent of , ; and tab (Dutch Excel writes ;). */
export function detectDelimiter(head: string): string {
  const line = head.split(/\r?\n/, 1)[0] ?? "";
  const counts = [",", ";", "\t"].map((d) => [d, line.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ",";
}

async function readCsv(stream: Readable, out: Collector): Promise<void> {
  let parser: ReturnType<typeof parse> | undefined;
  let consumed: Promise<void> | undefined;
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    if (!parser) {
      const p = parse({ delimiter: detectDelimiter(buf.subarray(0, 64 * 1024).toString("utf8").replace(/^\uFEFF/, "")), bom: true, relax_column_count: true, relax_quotes: true, info: true });
      parser = p;
      consumed = (async () => {
        for await (const rec of p as AsyncIterable<{ record: string[]; info: { lines: number } }>) out.add(rec.info.lines, rec.record);
      })();
      consumed.catch(() => undefined); // awaited below; keeps an early failure from being unhandled meanwhile
    }
    if (!parser.write(buf)) await Promise.race([new Promise((r) => parser!.once("drain", r)), consumed]);
  }
  if (!parser) return;
  parser.end();
  try {
    await consumed;
  } catch (err) {
    throw unreadable((err as Error).message);
  }
}

async function readXlsx(stream: Readable, out: Collector): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit", entries: "ignore" });
  let first = true;
  try {
    for await (const sheet of reader) {
      // Only the first worksheet is read; the others are drained so the stream ends.
      for await (const row of sheet) {
        if (!first) continue;
        const values = (row.values as unknown[]).slice(1); // exceljs rows are 1-based
        out.add(row.number, values.map(cellText));
      }
      first = false;
    }
  } catch (err) {
    throw unreadable((err as Error).message);
  }
}

async function readFile(stream: Readable, format: Format, out: Collector): Promise<void> {
  if (format === "xlsx") await readXlsx(stream, out);
  else await readCsv(stream, out);
}

async function firstBytes(path: string): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    const b = Buffer.alloc(4);
    const { bytesRead } = await fh.read(b, 0, 4, 0);
    return b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Reads an upload: a multipart body (part `file` plus form fields) or the file itself as the body. */
export async function readUpload(u: Upload): Promise<Sheet> {
  const out = new Collector();
  const fields: Record<string, string> = {};
  let filename: string | null = null;
  const type = u.contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "multipart/form-data") {
    let sawFile = false;
    let work: Promise<void> = Promise.resolve();
    await new Promise<void>((resolve, reject) => {
      let bb: busboy.Busboy;
      try {
        bb = busboy({ headers: { "content-type": u.contentType }, limits: { files: 1, fields: 20, fieldSize: 20_000 } });
      } catch (err) {
        reject(unreadable((err as Error).message));
        return;
      }
      bb.on("field", (name, value) => {
        fields[name] = value;
      });
      bb.on("file", (_name, file, info) => {
        if (sawFile) {
          file.resume();
          return;
        }
        sawFile = true;
        filename = info.filename ?? null;
        const format = formatOf(filename, info.mimeType.toLowerCase(), null);
        work = readFile(file, format, out).catch((err: unknown) => {
          file.resume();
          throw err;
        });
        work.catch(() => undefined);
      });
      bb.on("error", (err) => reject(unreadable((err as Error).message)));
      bb.on("close", () => resolve());
      createReadStream(u.path).pipe(bb);
    });
    await work;
    if (!sawFile) throw new ValidationError("Send the file as the form part `file`.", [{ path: "file", message: "is required" }]);
  } else {
    await readFile(createReadStream(u.path), formatOf(null, type, await firstBytes(u.path)), out);
  }
  return { headers: out.headers ?? [], headerRow: out.headerRow || 1, rows: out.rows, truncated: out.truncated, fields, filename };
}
