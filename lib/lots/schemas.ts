import { z } from "zod";

/** `?productId=`: a product's lots. */
export const listLotsQuery = z.object({ productId: z.uuid("must be a valid product id") }).strict();
export type ListLotsQuery = z.infer<typeof listLotsQuery>;

/** The `[id]` route segment. */
export const lotIdParam = z.object({ id: z.uuid("must be a valid lot id") });

/** GET /api/lots/:id/trace: `?depth=` levels followed each way (default 10, at most 50). */
export const TRACE_DEFAULT_DEPTH = 10;
export const TRACE_MAX_DEPTH = 50;
export const lotTraceQuery = lotIdParam
  .extend({
    depth: z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(TRACE_MAX_DEPTH, `must be at most ${TRACE_MAX_DEPTH}`)
      .default(TRACE_DEFAULT_DEPTH),
  })
  .strict();
export type LotTraceQuery = z.infer<typeof lotTraceQuery>;
