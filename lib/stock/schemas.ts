import { z } from "zod";
import { ScrapReason, StockSourceType } from "../db/generated/enums";
import { CSV_DIALECTS, FORMATS } from "../reports/export/model";
import { dateRangeQuery, endNotBeforeStart, isoInstant } from "../validation/dates";
import { MAX_QUANTITY, nonNegativeDecimal, signedQuantity } from "../validation/numbers";
import { pagingQuery } from "../validation/paging";
import { searchText, text as storableText } from "../validation/text";

/** Largest quantity accepted in one posting (lib/validation/numbers). */
export { MAX_QUANTITY };

const quantity = signedQuantity();
const text = (max: number) => storableText({ max });
const productId = z.uuid("must be a valid product id");
const locationId = z.uuid("must be a valid location id");
const lotId = z.uuid("must be a valid lot id");
const lotCode = text(100);

/** `{ productId, change, note, locationId?, lotId? }`: a signed correction with its reason, at a location (default STOCK) and lot (required for tracked products). */
export const manualAdjustmentInput = z
  .object({ productId, change: quantity.refine((v) => v !== 0, "must not be zero"), note: text(500), locationId: locationId.optional(), lotId: lotId.optional() })
  .strict();
export type ManualAdjustmentInput = z.infer<typeof manualAdjustmentInput>;

/**
 * `{ productId, quantity, unitCost?, reference?, note? }`: goods received; the reference becomes the
 * entry's sourceId. `unitCost` (≥ 0, the price paid per unit) moves the product's moving average;
 * without it the goods come in at the current average. `locationId` defaults to STOCK; lot-tracked
 * products need `lotCode` (the lot is made on first receipt, `expiresAt` with it), serial-tracked ones a
 * `lotCode` with quantity 1 or `serials` (one per unit, a lot each).
 */
export const receiptInput = z
  .object({
    productId,
    quantity: quantity.refine((v) => v > 0, "must be greater than zero"),
    unitCost: nonNegativeDecimal().optional(),
    reference: text(100).optional(),
    note: text(500).optional(),
    locationId: locationId.optional(),
    lotCode: lotCode.optional(),
    expiresAt: isoInstant().optional(),
    serials: z
      .array(lotCode)
      .min(1, "must list at least one serial")
      .max(1000, "at most 1000 serials")
      .refine((v) => new Set(v).size === v.length, "must not repeat a serial")
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.serials && v.lotCode) ctx.addIssue({ code: "custom", path: ["serials"], message: "send either lotCode or serials" });
    if (v.serials && v.serials.length !== v.quantity) ctx.addIssue({ code: "custom", path: ["serials"], message: "must list one serial per unit of quantity" });
  });
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
    locationId: locationId.optional(),
    lotId: lotId.optional(),
  })
  .strict();
export type ScrapInput = z.infer<typeof scrapInput>;

const flag = z.enum(["1", "0", "true", "false"], { error: "must be 1, 0, true or false" }).transform((v) => v === "1" || v === "true");

/** `{ productId, quantity, fromLocationId, toLocationId, lotId?, note? }`: stock moved between two locations. */
export const transferInput = z
  .object({
    productId,
    quantity: quantity.refine((v) => v > 0, "must be greater than zero"),
    fromLocationId: locationId,
    toLocationId: locationId,
    lotId: lotId.optional(),
    note: text(500).optional(),
  })
  .strict()
  .refine((v) => v.fromLocationId !== v.toLocationId, { path: ["toLocationId"], message: "must differ from fromLocationId" });
export type TransferInput = z.infer<typeof transferInput>;

const countLine = z
  .object({
    productId,
    lotId: lotId.nullable().optional(),
    counted: quantity.refine((v) => v >= 0, "must be at least zero"),
    expectedOnHand: signedQuantity(),
  })
  .strict();
/** `{ locationId, lines: [{ productId, lotId?, counted, expectedOnHand }], note? }`: a cycle count at one location. */
export const countInput = z
  .object({ locationId, lines: z.array(countLine).min(1, "must have at least one line").max(1000, "at most 1000 lines"), note: text(500).optional() })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.lines.forEach((l, i) => {
      const k = `${l.productId}|${l.lotId ?? ""}`;
      if (seen.has(k)) ctx.addIssue({ code: "custom", path: ["lines", i], message: "counts the same product and lot twice" });
      seen.add(k);
    });
  });
export type CountInput = z.infer<typeof countInput>;

/** `?locationId=&format=pdf|csv|xlsx&dialect=`: the blind count sheet of a location (dialect: CSV only, as for the report exports). */
export const countSheetQuery = z
  .object({
    locationId,
    format: z.enum(FORMATS, { error: `must be one of ${FORMATS.join(", ")}` }),
    dialect: z.enum(CSV_DIALECTS, { error: `must be one of ${CSV_DIALECTS.join(", ")}` }).optional(),
  })
  .strict()
  .refine((q) => q.dialect === undefined || q.format === "csv", { path: ["dialect"], message: "is a parameter of format=csv only" });
export type CountSheetQuery = z.infer<typeof countSheetQuery>;

export const listLevelsQuery = pagingQuery
  .extend({ q: searchText(100).optional(), low: flag.optional(), includeArchived: flag.optional() })
  .strict();
export type ListLevelsQuery = z.infer<typeof listLevelsQuery>;

export const listLedgerQuery = pagingQuery
  .extend({
    productId: productId.optional(),
    sourceType: z.enum(StockSourceType, { error: `must be one of ${Object.values(StockSourceType).join(", ")}` }).optional(),
    sourceId: text(200).optional(),
    locationId: locationId.optional(),
    lotId: lotId.optional(),
    // Keyset paging (docs/performance.md): the entries older than this one (its id, as a page's `nextBefore`
    // gives it), so a deep page is read from the index instead of skipping page × pageSize rows.
    before: z.string().regex(/^[1-9][0-9]{0,17}$/, "must be a ledger entry id (a page's nextBefore)").optional(),
  })
  .extend(dateRangeQuery.shape)
  .strict()
  .superRefine(endNotBeforeStart);
export type ListLedgerQuery = z.infer<typeof listLedgerQuery>;
