import type { ParsedUrlQuery } from "node:querystring";
import { isSourceType, type StockSourceType } from "./types";

export interface LedgerFilter {
  productId: string;
  /** A location's id, or "" for all. */
  locationId: string;
  /** A lot's id (of the chosen product), or "" for all. */
  lotId: string;
  sourceType: StockSourceType | "";
  /** YYYY-MM-DD or "". */
  from: string;
  to: string;
  page: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** The filter in the address (so a filtered ledger can be shared or bookmarked); junk is ignored. */
export function filterFromQuery(q: ParsedUrlQuery): LedgerFilter {
  const sourceType = one(q.sourceType);
  const page = Number(one(q.page));
  return {
    productId: UUID.test(one(q.productId)) ? one(q.productId) : "",
    locationId: UUID.test(one(q.locationId)) ? one(q.locationId) : "",
    lotId: UUID.test(one(q.lotId)) ? one(q.lotId) : "",
    sourceType: isSourceType(sourceType) ? sourceType : "",
    from: DATE.test(one(q.from)) ? one(q.from) : "",
    to: DATE.test(one(q.to)) ? one(q.to) : "",
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The filter as address query (empty values left out). */
export function filterToQuery(f: LedgerFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.productId) out.productId = f.productId;
  if (f.locationId) out.locationId = f.locationId;
  if (f.lotId) out.lotId = f.lotId;
  if (f.sourceType) out.sourceType = f.sourceType;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.page > 1) out.page = String(f.page);
  return out;
}

/** The day after a YYYY-MM-DD date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** No filter at all (page 1). */
export const NO_FILTER: LedgerFilter = { productId: "", locationId: "", lotId: "", sourceType: "", from: "", to: "", page: 1 };

/** Whether any filter is set (the empty state then says "no match", and "Clear filters" shows). */
export function isFiltered(f: LedgerFilter): boolean {
  return Boolean(f.productId || f.locationId || f.lotId || f.sourceType || f.from || f.to);
}

/**
 * The filters of the ledger export: the same as the list's, location and lot included (docs/locations.md). The list reads a date-only `to` as the whole day; the
 * export's period ends at `to` itself, so it gets the next day to cover the same entries.
 */
export function exportFilters(f: LedgerFilter): Record<string, string | undefined> {
  return {
    productId: f.productId || undefined,
    locationId: f.locationId || undefined,
    lotId: f.lotId || undefined,
    sourceType: f.sourceType || undefined,
    from: f.from || undefined,
    to: f.to ? nextDay(f.to) : undefined,
  };
}
