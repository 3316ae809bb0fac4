// Cell text → typed values for the import, with the error code of anything refused. Pure.
import { unstorableText } from "../validation/text";
import type { ImportField, RowErrorCode } from "./schemas";
import type { Cell } from "./read";

/** Decimal(18,4) holds 14 integer digits. */
const MAX_ABS = 1e14;

export type Parsed = { ok: true; value: string | number | boolean | null } | { ok: false; code: RowErrorCode; params?: Record<string, string | number> };

const fail = (code: RowErrorCode, params?: Record<string, string | number>): Parsed => ({ ok: false, code, params });

/**
 * A decimal written as text with the chosen separator, as a canonical string with a "." (or a code).
 * With ".", a comma anywhere is refused (`1,5` would be read as fifteen by some and one and a half by
 * others); with ",", thousands may be grouped by "." in groups of three (`1.234,5`) and a lone "." is
 * refused the same way.
 */
export function parseDecimalText(text: string, sep: "." | ","): { value: string } | { code: RowErrorCode } {
  const s = text.replace(/[\s\u00a0]/g, "");
  if (sep === ".") {
    if (/^[+-]?\d+(\.\d+)?$/.test(s)) return { value: s.replace(/^\+/, "") };
    if (/^[+-]?[\d.,]+$/.test(s) && s.includes(",")) return { code: "WRONG_DECIMAL_SEPARATOR" };
    return { code: "NOT_A_NUMBER" };
  }
  if (/^[+-]?\d+(,\d+)?$/.test(s)) return { value: s.replace(/^\+/, "").replace(",", ".") };
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return { value: s.replace(/^\+/, "").replace(/\./g, "").replace(",", ".") };
  if (/^[+-]?[\d.,]+$/.test(s)) return { code: "WRONG_DECIMAL_SEPARATOR" };
  return { code: "NOT_A_NUMBER" };
}

const TRUE = new Set(["true", "yes", "y", "1", "ja", "j", "waar"]);
const FALSE = new Set(["false", "no", "n", "0", "nee", "onwaar"]);

/** A cell as the field's type; an empty cell is null (the caller decides whether that is allowed). */
export function parseCell(field: ImportField, cell: Cell | undefined, sep: "." | ","): Parsed {
  if (cell === undefined || (typeof cell === "string" && cell.trim() === "")) return { ok: true, value: null };
  if (field.type === "decimal" || field.type === "integer") {
    let n: number;
    let canonical: string;
    if (typeof cell === "number") {
      n = cell;
      canonical = String(cell);
    } else {
      const d = parseDecimalText(cell, sep);
      if ("code" in d) return fail(d.code, { value: cell.trim().slice(0, 40) });
      canonical = d.value;
      n = Number(d.value);
    }
    if (!Number.isFinite(n)) return fail("NOT_A_NUMBER", { value: String(cell).slice(0, 40) });
    if (n < 0) return fail("NEGATIVE");
    if (Math.abs(n) >= MAX_ABS) return fail("TOO_LARGE");
    if (field.type === "integer") {
      if (!Number.isInteger(n)) return fail("NOT_WHOLE");
      if (n > 1_000_000) return fail("TOO_LARGE");
      return { ok: true, value: n };
    }
    if (Math.round(n * 1e4) / 1e4 !== n) return fail("TOO_MANY_DECIMALS");
    return { ok: true, value: canonical };
  }
  const text = String(cell).trim();
  if (field.type === "date") return parseDay(text);
  if (field.type === "boolean") {
    const t = text.toLowerCase();
    if (TRUE.has(t)) return { ok: true, value: true };
    if (FALSE.has(t)) return { ok: true, value: false };
    return fail("NOT_A_BOOLEAN", { value: text.slice(0, 40) });
  }
  if (unstorableText(text)) return fail("INVALID_TEXT");
  if (field.max !== undefined && text.length > field.max) return fail("TOO_LONG", { max: field.max });
  if (field.type === "enum") {
    const hit = field.values!.find((v) => v.toLowerCase() === text.toLowerCase());
    if (!hit) return fail("NOT_ALLOWED_VALUE", { value: text.slice(0, 40), allowed: field.values!.join(", ") });
    return { ok: true, value: hit };
  }
  return { ok: true, value: text };
}

/**
 * A calendar day as `YYYY-MM-DD`: written so, as an ISO date-time (a workbook's date cell), or as
 * `DD-MM-YYYY` (how Dutch spreadsheets write dates). Slashes are refused: `03/04/2027` is March to
 * some readers and April to others, and is never guessed.
 */
export function parseDay(text: string): Parsed {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/.exec(text);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return fail("INVALID_DATE", { value: text.slice(0, 40) });
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || y > 9999 || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return fail("INVALID_DATE", { value: text.slice(0, 40) });
  return { ok: true, value: day.toISOString().slice(0, 10) };
}
