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
  total: number;
  page: number;
  pageSize: number;
}

/** Prisma skip/take for a page. */
export function pageArgs(p: Paging): { skip: number; take: number } {
  return { skip: (p.page - 1) * p.pageSize, take: p.pageSize };
}
