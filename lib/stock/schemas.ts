import { z } from "zod";
import { ScrapReason, StockSourceType } from "../db/generated/enums";
import { dateRangeQuery, endNotBeforeStart } from "../validation/dates";
import { MAX_QUANTITY, nonNegativeDecimal, signedQuantity } from "../validation/numbers";
import { pagingQuery } from "../validation/paging";
import { searchText, text as storableText } from "../validation/text";

/** Largest quantity accepted in one posting (lib/validation/numbers). */
export { MAX_QUANTITY };

const quantity = signedQuantity();
const text = (max: number) => storableText({ max });
const productId = z.uuid("must be a valid product id");

/** `{ productId, change, note }`: a signed correction with its reason. */
export const manualAdjustmentInput = z
  .object({ productId, change: quantity.refine((v) => v !== 0, "must not be zero"), note: text(500) })
  .strict();
export type ManualAdjustmentInput = z.infer<typeof manualAdjustmentInput>;

/**
 * `{ productId, quantity, unitCost?, reference?, note? }`: goods received; the reference becomes the
 * entry's sourceId. `unitCost` (≥ 0, the price paid per unit) moves the product's moving average;
 * without it the goods come in at the current average.
 */
export const receiptInput = z
  .object({
    productId,
    quantity: quantity.refine((v) => v > 0, "must be greater than zero"),
    unitCost: nonNegativeDecimal().optional(),
    reference: text(100).optional(),
    note: text(500).optional(),
  })
  .strict();
export type ReceiptInput = z.infer<typeof receiptInput>;

/** The scrap reasons, in the order screens list them (a fixed list: docs/domain.md "Scrap of stock"). */
export const SCRAP_REASONS = Object.values(ScrapReason);

/** `{ productId, quantity, reason, moId?, note? }`: stock written off as scrap; the MO (when given) becomes the entry's sourceId. */
export const scrapInput = z
  .object({
    productId,
    quantity: quantity.refine((v) => v > 0, "must be greater than zero"),
    reason: z.enum(ScrapReason, { error: `must be one of ${SCRAP_REASONS.join(", ")}` }),
    moId: z.uuid("must be a valid MO id").optional(),
    note: text(500).optional(),
  })
  .strict();
export type ScrapInput = z.infer<typeof scrapInput>;

const flag = z.enum(["1", "0", "true", "false"], { error: "must be 1, 0, true or false" }).transform((v) => v === "1" || v === "true");

export const listLevelsQuery = pagingQuery
  .extend({ q: searchText(100).optional(), low: flag.optional(), includeArchived: flag.optional() })
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
