import { z } from "zod";
import { pagingQuery } from "../http/paging";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO date (`2026-11-21`) or date-time with offset (`2026-11-21T08:00:00Z`), as a query value. */
const isoInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "must be an ISO date or date-time" });

/**
 * `?from=&to=` on createdAt, both inclusive. A date-only `to` means the whole of that day (UTC), so
 * `from=2026-11-21&to=2026-11-21` is that day; an end before the start is a 400.
 */
export const dateRangeQuery = z.object({ from: isoInstant.optional(), to: isoInstant.optional() });

export interface CreatedAtRange {
  gte?: Date;
  lt?: Date;
  lte?: Date;
}

/** The Prisma createdAt filter of a validated `from`/`to` pair (undefined when neither is set). */
export function createdAtRange(from: string | undefined, to: string | undefined): CreatedAtRange | undefined {
  if (!from && !to) return undefined;
  const range: CreatedAtRange = {};
  if (from) range.gte = new Date(from);
  if (to) {
    if (DATE_ONLY.test(to)) range.lt = new Date(new Date(to).getTime() + 24 * 3600 * 1000);
    else range.lte = new Date(to);
  }
  return range;
}

/** Refinement shared by the queries that take a date range: the end may not come before the start. */
export function endNotBeforeStart(v: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (!v.from || !v.to) return;
  const r = createdAtRange(v.from, v.to)!;
  const end = r.lt ? r.lt.getTime() - 1 : r.lte!.getTime();
  if (end < r.gte!.getTime()) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
}

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

export const listAuditQuery = pagingQuery
  .extend({
    entityType: text(100).optional(),
    entityId: text(200).optional(),
    actorId: z.uuid("must be a valid id").optional(),
    action: text(100).optional(),
  })
  .extend(dateRangeQuery.shape)
  .strict()
  .superRefine(endNotBeforeStart);
export type ListAuditQuery = z.infer<typeof listAuditQuery>;
