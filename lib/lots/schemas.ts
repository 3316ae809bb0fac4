import { z } from "zod";
import { MAX_PAGE_SIZE, pagingQuery } from "../validation/paging";

/**
 * `?productId=&page=&pageSize=`: lots, first expiry first. With a product and no `pageSize`, all of
 * that product's lots (the lot pickers); without a product, every lot, a page at a time (default 50).
 */
export const listLotsQuery = z
  .object({
    productId: z.uuid("must be a valid product id").optional(),
    page: pagingQuery.shape.page,
    pageSize: z.coerce
      .number({ error: "must be a whole number (rows per page)" })
      .int("must be a whole number (rows per page)")
      .min(1, "must be 1 or more")
      .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
      .optional(),
  })
  .strict();
export type ListLotsQuery = z.infer<typeof listLotsQuery>;

/** The `[id]` route segment. */
export const lotIdParam = z.object({ id: z.uuid("must be a valid lot id") });

/** GET /api/lots/:id/trace: `?depth=` levels followed each way (default 10, at most 50). */
export const TRACE_DEFAULT_DEPTH = 10;
export const TRACE_MAX_DEPTH = 50;
const depth = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(TRACE_MAX_DEPTH, `must be at most ${TRACE_MAX_DEPTH}`)
  .default(TRACE_DEFAULT_DEPTH);
export const lotTraceQuery = lotIdParam.extend({ depth }).strict();
export type LotTraceQuery = z.infer<typeof lotTraceQuery>;

/** GET /api/lots/:id/certificate: `?format=pdf` (the only format, and the default) and the trace's `?depth=`. */
export const lotCertificateQuery = lotIdParam
  .extend({ format: z.enum(["pdf"], { error: "must be pdf" }).default("pdf"), depth })
  .strict();
export type LotCertificateQuery = z.infer<typeof lotCertificateQuery>;
