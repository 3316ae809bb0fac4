// Import (docs/import.md): the kinds, their columns, the query of POST /api/import/:kind and the
// answer's shape. Browser-safe: the wizard builds its mapping step from the same column lists.
import { z } from "zod";
import type { Permission } from "../auth/permissions";

export const IMPORT_KINDS = ["products", "boms", "workcenters", "stock", "users"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Largest upload (the raw request body); beyond it 413 before anything is parsed. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Largest number of data rows in one file. */
export const MAX_IMPORT_ROWS = 100_000;
/** At most this many row errors are listed (the count says how many there were). */
export const MAX_LISTED_ERRORS = 500;
/** Rows shown in the preview. */
export const PREVIEW_ROWS = 10;

/** What a kind needs besides the route's `import:run`: the permission of the records it writes. */
export const KIND_PERMISSION: Record<ImportKind, Permission> = {
  products: "products:write",
  boms: "products:write",
  workcenters: "workcenters:write",
  stock: "stock:adjust",
  users: "users:manage",
};

export type FieldType = "text" | "decimal" | "integer" | "boolean" | "enum" | "date";

export interface ImportField {
  /** The field's name, also the template's column header. */
  key: string;
  required: boolean;
  type: FieldType;
  max?: number;
  values?: readonly string[];
  /** Other headers recognised for this field when the mapping is suggested (lower case, letters and digits only). */
  aliases?: readonly string[];
  /** The template's example value. */
  example: string;
}

const f = (key: string, type: FieldType, required: boolean, example: string, extra: Partial<ImportField> = {}): ImportField => ({ key, type, required, example, ...extra });

/**
 * The columns of each kind, in template order. Stock: `sku` + `quantity` (the target on hand), and
 * optionally `location`, `lot` and `expires_at` (DOMAIN-2 §2): with a location or lot column the
 * target is per (product, location, lot), without them per product as before (docs/import.md).
 */
export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  products: [
    f("sku", "text", true, "STEEL-01", { max: 64, aliases: ["article", "artikel", "artikelnummer", "code"] }),
    f("name", "text", true, "Steel sheet", { max: 200, aliases: ["naam", "omschrijving"] }),
    f("description", "text", false, "2 mm cold rolled", { max: 2000, aliases: ["beschrijving"] }),
    f("is_finished", "boolean", false, "false", { aliases: ["finished", "eindproduct"] }),
    f("uom", "text", false, "pcs", { max: 20, aliases: ["unit", "eenheid"] }),
    f("unit_cost", "decimal", false, "12.50", { aliases: ["cost", "kostprijs"] }),
    f("reorder_point", "decimal", false, "10", { aliases: ["bestelpunt"] }),
  ],
  boms: [
    f("product_sku", "text", true, "TABLE-01", { max: 64, aliases: ["product", "parent"] }),
    f("line", "enum", true, "component", { values: ["component", "operation"], aliases: ["type", "regel"] }),
    f("material_sku", "text", false, "STEEL-01", { max: 64, aliases: ["material", "component", "materiaal"] }),
    f("qty_per_unit", "decimal", false, "2", { aliases: ["quantity", "qty", "aantal"] }),
    f("operation", "text", false, "Weld frame", { max: 200, aliases: ["title", "bewerking"] }),
    f("work_center", "text", false, "Welding", { max: 120, aliases: ["workcenter", "werkplek"] }),
    f("minutes_per_unit", "decimal", false, "15", { aliases: ["minutes", "minuten"] }),
    f("instructions", "text", false, "", { max: 10_000, aliases: ["instructies"] }),
  ],
  workcenters: [
    f("name", "text", true, "Welding", { max: 120, aliases: ["naam", "workcenter", "werkplek"] }),
    f("description", "text", false, "Two welding booths", { max: 2000, aliases: ["beschrijving"] }),
    f("cost_per_hour", "decimal", false, "45", { aliases: ["rate", "uurtarief"] }),
    f("capacity", "integer", false, "1", { aliases: ["capaciteit"] }),
    f("active", "boolean", false, "true", { aliases: ["actief"] }),
  ],
  stock: [
    f("sku", "text", true, "STEEL-01", { max: 64, aliases: ["article", "artikel", "artikelnummer", "code"] }),
    f("quantity", "decimal", true, "100", { aliases: ["qty", "onhand", "aantal", "voorraad"] }),
    f("unit_cost", "decimal", false, "12.50", { aliases: ["cost", "kostprijs"] }),
    f("location", "text", false, "STOCK", { max: 64, aliases: ["locatie", "magazijn", "warehouse", "bin", "locationcode"] }),
    f("lot", "text", false, "", { max: 100, aliases: ["partij", "batch", "lotcode", "lotnumber", "partijnummer", "serial", "serienummer"] }),
    f("expires_at", "date", false, "", { aliases: ["expiry", "expires", "houdbaartot", "vervaldatum", "tht", "bestbefore"] }),
  ],
  users: [
    f("email", "text", true, "jan@example.com", { max: 254, aliases: ["mail", "emailaddress"] }),
    f("name", "text", true, "Jan de Vries", { max: 120, aliases: ["naam"] }),
    f("role", "enum", true, "OPERATOR", { values: ["ADMIN", "MANAGER", "OPERATOR", "INVENTORY", "SALES", "VIEWER"], aliases: ["rol"] }),
    f("active", "boolean", false, "true", { aliases: ["actief"] }),
    f("password", "text", false, "Welcome2026", { max: 72, aliases: ["wachtwoord"] }),
  ],
};

/** Header text as compared when suggesting a mapping: lower case, letters and digits only. */
export function normalizeHeader(h: string): string {
  return h.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]/g, "");
}

/** The mapping suggested for a file's headers: each field to the header that names it (or one of its aliases). */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): Record<string, string> {
  const byNorm = new Map<string, string>();
  for (const h of headers) if (!byNorm.has(normalizeHeader(h))) byNorm.set(normalizeHeader(h), h);
  const out: Record<string, string> = {};
  for (const field of IMPORT_FIELDS[kind]) {
    for (const name of [field.key, ...(field.aliases ?? [])]) {
      const hit = byNorm.get(normalizeHeader(name));
      if (hit !== undefined) {
        out[field.key] = hit;
        break;
      }
    }
  }
  return out;
}

export const importKindParam = z.object({ kind: z.enum(IMPORT_KINDS, { error: `must be one of ${IMPORT_KINDS.join(", ")}` }) });

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

/** `mapping`: JSON `{ "<field>": "<column header in the file>" }`; fields left out are matched by name. */
const mappingParam = z
  .string()
  .max(10_000)
  .transform((s, ctx) => {
    try {
      const v: unknown = JSON.parse(s);
      const r = z.record(z.string().max(100), z.string().max(200)).safeParse(v);
      if (r.success) return r.data;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: "custom", message: 'must be a JSON object { "field": "column header" }' });
    return z.NEVER;
  });

/** The query of POST /api/import/:kind (multipart form fields of the same names are read too). */
export const importQuery = importKindParam
  .extend({
    dryRun: flag.default(false),
    /** The decimal separator of numbers written as text: "." (default) or "," (Dutch files); the other one is refused. */
    decimal: z.enum([".", ","]).default("."),
    mapping: mappingParam.optional(),
  })
  .strict();
export type ImportQuery = z.infer<typeof importQuery>;

export const templateQuery = importKindParam.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }).strict();

/** Row error codes; the answer carries the code and the message in the reader's language (messages/<locale>/import.json `errors.<code>`). */
export const ROW_ERROR_CODES = [
  "COLUMN_MISSING",
  "COLUMN_UNKNOWN",
  "REQUIRED",
  "TOO_LONG",
  "NOT_A_NUMBER",
  "WRONG_DECIMAL_SEPARATOR",
  "TOO_MANY_DECIMALS",
  "NEGATIVE",
  "NOT_POSITIVE",
  "TOO_LARGE",
  "NOT_WHOLE",
  "NOT_A_BOOLEAN",
  "NOT_ALLOWED_VALUE",
  "DUPLICATE",
  "UNKNOWN_PRODUCT",
  "UNKNOWN_MATERIAL",
  "ARCHIVED_MATERIAL",
  "SELF_COMPONENT",
  "UNKNOWN_WORK_CENTER",
  "BOM_CYCLE",
  "COUNTED_UNIT",
  "UNKNOWN_LOCATION",
  "LOT_REQUIRED",
  "LOT_NOT_TRACKED",
  "SERIAL_QUANTITY",
  "INVALID_DATE",
  "INVALID_EMAIL",
  "PASSWORD_REQUIRED",
  "WEAK_PASSWORD",
  "OWN_ACCOUNT",
  "INVALID_TEXT",
  "EMPTY_FILE",
  "TOO_MANY_ROWS",
  "UNREADABLE_FILE",
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export interface RowError {
  /** The row as a spreadsheet numbers it: 1 is the header, data starts at 2. */
  row: number;
  /** The file's column header (or the field's name when the column is missing). */
  column: string | null;
  code: RowErrorCode;
  message: string;
}

export interface ImportResult {
  kind: ImportKind;
  dryRun: boolean;
  /** True when the file has no errors (and, unless dryRun, was imported). */
  ok: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** The first MAX_LISTED_ERRORS errors; errorCount says how many there were. */
  errors: RowError[];
  errorCount: number;
  headers: string[];
  mapping: Record<string, string>;
  /** Headers no field is mapped to (ignored). */
  ignoredColumns: string[];
  /** The first rows, as the mapping reads them (field → cell text). */
  preview: { row: number; values: Record<string, string> }[];
  decimal: "." | ",";
  /** SHA-256 of the uploaded body. */
  sha256: string;
}
