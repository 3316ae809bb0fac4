// POST /api/import/:kind: read the uploaded file, map its columns, check every row, and (unless a
// dry run) write everything in one transaction, or nothing when any row has an error.
import type { Actor } from "../auth/permissions";
import { withTx } from "../db/tx";
import { ValidationError } from "../errors";
import type { Upload } from "../http/upload";
import type { Locale } from "../i18n/config";
import { translator } from "../i18n/translator";
import type { DomainEvent } from "../realtime/events";
import { planBoms } from "./kinds/boms";
import { planProducts } from "./kinds/products";
import { planStock } from "./kinds/stock";
import { planUsers } from "./kinds/users";
import { planWorkCenters } from "./kinds/workcenters";
import { readUpload } from "./read";
import { IMPORT_FIELDS, MAX_IMPORT_ROWS, MAX_LISTED_ERRORS, PREVIEW_ROWS, importQuery, suggestMapping, type ImportKind, type ImportQuery, type ImportResult, type RowErrorCode } from "./schemas";
import type { ImportRow, KindCtx, KindPlan } from "./types";
import { parseCell } from "./values";

const PLANNERS: Record<ImportKind, (ctx: KindCtx) => Promise<KindPlan>> = {
  products: planProducts,
  boms: planBoms,
  workcenters: planWorkCenters,
  stock: planStock,
  users: planUsers,
};

/** Form fields of a multipart body may carry the options too; the query string wins. */
const formOptions = importQuery.pick({ dryRun: true, decimal: true, mapping: true }).partial();

interface RawError {
  row: number;
  column: string | null;
  code: RowErrorCode;
  params?: Record<string, string | number>;
}

/** Imports one file of one kind (see docs/import.md); a dry run writes nothing and says what would happen. */
export async function runImport(query: ImportQuery, given: ReadonlySet<string>, upload: Upload, actor: Actor, locale: Locale): Promise<{ result: ImportResult; events: DomainEvent[] }> {
  const sheet = await readUpload(upload);
  const rowCount = sheet.rows.length;
  const form = formOptions.parse(Object.fromEntries(Object.entries(sheet.fields).filter(([k]) => k in formOptions.shape)));
  const kind = query.kind;
  const dryRun = given.has("dryRun") ? query.dryRun : (form.dryRun ?? false);
  const decimal = given.has("decimal") ? query.decimal : (form.decimal ?? ".");
  const fields = IMPORT_FIELDS[kind];
  const explicit = query.mapping ?? form.mapping ?? {};
  const unknownFields = Object.keys(explicit).filter((k) => !fields.some((f) => f.key === k));
  if (unknownFields.length) throw new ValidationError(`mapping: unknown fields ${unknownFields.join(", ")}`, [{ path: "mapping", message: `unknown fields ${unknownFields.join(", ")}; known: ${fields.map((f) => f.key).join(", ")}` }]);
  // The suggestion fills in fields the caller did not map; "" unmaps a field on purpose.
  const mapping: Record<string, string> = { ...suggestMapping(kind, sheet.headers), ...explicit };
  for (const [k, v] of Object.entries(mapping)) if (v === "") delete mapping[k];

  const errors: RawError[] = [];
  const columnOf = (field: string | null) => (field === null ? null : (mapping[field] ?? field));
  const error = (row: number, field: string | null, code: RowErrorCode, params?: Record<string, string | number>) => {
    errors.push({ row, column: columnOf(field), code, params });
  };
  if (!sheet.headers.length) error(1, null, "EMPTY_FILE");
  for (const f of fields) {
    const header = mapping[f.key];
    if (header !== undefined && !sheet.headers.includes(header)) error(sheet.headerRow, f.key, "COLUMN_UNKNOWN", { value: header });
    else if (header === undefined && f.required && sheet.headers.length) error(sheet.headerRow, f.key, "COLUMN_MISSING", { field: f.key });
  }
  if (sheet.truncated) error(sheet.headerRow, null, "TOO_MANY_ROWS", { max: MAX_IMPORT_ROWS });
  if (sheet.headers.length && !sheet.rows.length) error(sheet.headerRow + 1, null, "EMPTY_FILE");
  const headerOk = errors.length === 0;
  const index = new Map(fields.flatMap((f) => (mapping[f.key] !== undefined ? [[f.key, sheet.headers.indexOf(mapping[f.key]!)] as const] : [])));
  const ignoredColumns = sheet.headers.filter((h) => !Object.values(mapping).includes(h));

  const preview = sheet.rows.slice(0, PREVIEW_ROWS).map((r) => ({
    row: r.row,
    values: Object.fromEntries(fields.flatMap((f) => (index.has(f.key) ? [[f.key, String(r.cells[index.get(f.key)!] ?? "").slice(0, 200)]] : []))),
  }));

  let plan: Pick<KindPlan, "created" | "updated" | "unchanged"> = { created: 0, updated: 0, unchanged: 0 };
  let events: DomainEvent[] = [];
  if (headerOk) {
    const rows: ImportRow[] = [];
    for (const r of sheet.rows) {
      const v: ImportRow["v"] = {};
      let ok = true;
      for (const f of fields) {
        const i = index.get(f.key);
        const parsed = parseCell(f, i === undefined ? undefined : r.cells[i], decimal);
        if (!parsed.ok) {
          error(r.row, f.key, parsed.code, parsed.params);
          ok = false;
        } else if (parsed.value === null && f.required) {
          error(r.row, f.key, "REQUIRED");
          ok = false;
        } else v[f.key] = parsed.value;
      }
      if (ok) rows.push({ row: r.row, v });
    }
    sheet.rows = []; // the typed rows are the copy kept from here on
    const run = await withTx(
      async (tx) => {
        const ctx: KindCtx = { tx, actor, rows, dryRun, sha256: upload.sha256, filename: sheet.filename, mapped: new Set(index.keys()), error };
        const p = await PLANNERS[kind](ctx);
        // Nothing new or changed (a re-import): nothing is written, not even an audit row.
        const ev = !dryRun && errors.length === 0 && p.created + p.updated > 0 ? await p.apply() : [];
        return { plan: { created: p.created, updated: p.updated, unchanged: p.unchanged }, events: ev };
      },
      // A big file is one transaction: give it minutes, not the 30 s of an ordinary use case.
      { timeout: 15 * 60_000, attempts: 3 },
    );
    plan = run.plan;
    events = run.events;
  }

  const t = translator(locale, "import");
  errors.sort((a, b) => a.row - b.row);
  const result: ImportResult = {
    kind,
    dryRun,
    ok: errors.length === 0,
    rows: rowCount,
    ...plan,
    errors: errors.slice(0, MAX_LISTED_ERRORS).map((e) => ({ row: e.row, column: e.column, code: e.code, message: t(`errors.${e.code}`, { column: e.column ?? "", value: "", other: 0, max: 0, allowed: "", cycle: "", uom: "", field: "", ...e.params }) })),
    errorCount: errors.length,
    headers: sheet.headers,
    mapping,
    ignoredColumns,
    preview,
    decimal,
    sha256: upload.sha256,
  };
  if (!dryRun && !result.ok) {
    throw new ValidationError(`The file has ${errors.length} error(s); nothing was imported.`, result);
  }
  return { result, events };
}

