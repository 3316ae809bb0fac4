import { z } from "zod";
import { dateRangeQuery, endNotBeforeStart } from "../audit/schemas";
import { StockSourceType } from "../db/generated/enums";
import { pagingQuery } from "../http/paging";

/** Largest quantity accepted in one posting: far inside Decimal(18,4) and exact as a JSON number at 4 decimals. */
export const MAX_QUANTITY = 1_000_000_000;

/** Whether a JSON number has at most 4 decimals (the ledger's Decimal(18,4) scale). */
function fourDecimals(v: number): boolean {
  return Math.round(v * 10_000) / 10_000 === v;
}

const quantity = z
  .number({ error: "must be a number" })
  .refine(Number.isFinite, "must be a finite number")
  .refine(fourDecimals, "must have at most 4 decimals")
  .refine((v) => Math.abs(v) <= MAX_QUANTITY, `must be at most ${MAX_QUANTITY} in size`);

const text = (max: number) => z.string({ error: "must be a string" }).trim().min(1, "must not be empty").max(max);
const productId = z.uuid("must be a valid product id");

/** `{ productId, change, note }`: a signed correction with its reason. */
export const manualAdjustmentInput = z
  .object({ productId, change: quantity.refine((v) => v !== 0, "must not be zero"), note: text(500) })
  .strict();
export type ManualAdjustmentInput = z.infer<typeof manualAdjustmentInput>;

/** `{ productId, quantity, reference?, note? }`: goods received; the reference becomes the entry's sourceId. */
export const receiptInput = z
  .object({ productId, quantity: quantity.refine((v) => v > 0, "must be greater than zero"), reference: text(100).optional(), note: text(500).optional() })
  .strict();
export type ReceiptInput = z.infer<typeof receiptInput>;

const flag = z.enum(["1", "0", "true", "false"], { error: "must be 1, 0, true or false" }).transform((v) => v === "1" || v === "true");

export const listLevelsQuery = pagingQuery
  .extend({ q: z.string().trim().max(100).optional(), low: flag.optional(), includeArchived: flag.optional() })
  .strict();
export type ListLevelsQuery = z.infer<typeof listLevelsQuery>;

export const listLedgerQuery = pagingQuery
  .extend({
    productId: productId.optional(),
    sourceType: z.enum(StockSourceType, { error: `must be one of ${Object.values(StockSourceType).join(", ")}` }).optional(),
    sourceId: text(200).optional(),
  })
  .extend(dateRangeQuery.shape)
  .strict()
  .superRefine(endNotBeforeStart);
export type ListLedgerQuery = z.infer<typeof listLedgerQuery>;
