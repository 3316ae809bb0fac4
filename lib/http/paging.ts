import { z } from "zod";

/** `?page=&pageSize=` (default 50, max 200), for every list. */
export const pagingQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
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
