// `?page=&pageSize=` for every list. Browser-safe (types for the UI's list hooks).
import { z } from "zod";

/** The deepest page a list may ask for: keeps OFFSET (page × pageSize) far inside a 32-bit int. */
export const MAX_PAGE = 1_000_000;
export const MAX_PAGE_SIZE = 200;

const pageNumber = (max: number, what: string) =>
  z.coerce
    .number({ error: `must be a whole number (${what})` })
    .int(`must be a whole number (${what})`)
    .min(1, "must be 1 or more")
    .max(max, `must be at most ${max}`);

/** `?page=&pageSize=` (default 1 and 50, pageSize at most 200). */
export const pagingQuery = z.object({
  page: pageNumber(MAX_PAGE, "the page, from 1").default(1),
  pageSize: pageNumber(MAX_PAGE_SIZE, "rows per page").default(50),
});
export type Paging = z.infer<typeof pagingQuery>;

export interface Page<T> {
  items: T[];
  /** Every matching row, or at least this many when `totalCapped` (see countCapped). */
  total: number;
  page: number;
  pageSize: number;
  /** True when the count stopped at its cap: there are more than `total` rows ("more than N"). */
  totalCapped?: boolean;
}

/**
 * How far a list counts its rows (docs/performance.md): counting a million rows on every page load
 * costs more than the page itself, and nobody reads "page 1 of 20,000" differently from "more than 10,000".
 */
export const COUNT_CAP = 10_000;

/**
 * The list's total counted at most up to COUNT_CAP rows, or up to the end of the asked page when
 * that is deeper: `count(take)` is Prisma's `count({ where, take })` (a `count(*)` over a `LIMIT`
 * subquery, which stops early). Answers the total and whether it was capped.
 */
export async function countCapped(count: (take: number) => Promise<number>, p: Paging): Promise<{ total: number; totalCapped?: true }> {
  const limit = Math.max(COUNT_CAP, p.page * p.pageSize) + 1;
  const n = await count(limit);
  return n < limit ? { total: n } : { total: limit - 1, totalCapped: true };
}

/** Prisma skip/take for a page. */
export function pageArgs(p: Paging): { skip: number; take: number } {
  return { skip: (p.page - 1) * p.pageSize, take: p.pageSize };
}
