import { z } from "zod";
import { Tracking } from "../db/generated/enums";
import { hasAtMost4Decimals, MAX_DECIMAL, nonNegativeDecimal, positiveDecimal } from "../validation/numbers";
import { pagingQuery } from "../validation/paging";
import { searchText, text } from "../validation/text";

const sku = text({ max: 64, emptyMessage: "is required" });
const name = text({ max: 200, emptyMessage: "is required" });
// null clears the description; an empty string is refused like every other empty text field.
const description = text({ max: 2000, emptyMessage: "must not be empty (send null to clear it)" }).nullable();
const uom = text({ max: 20, emptyMessage: "is required" });
/** NONE, LOT or SERIAL (docs/locations.md "Lots"). */
const tracking = z.enum(Tracking, { error: `must be one of ${Object.values(Tracking).join(", ")}` });
const boolFlag = z.enum(["true", "false"]).transform((v) => v === "true");

export const createProductInput = z
  .object({
    sku,
    name,
    description: description.optional(),
    isFinished: z.boolean(),
    uom: uom.default("pcs"),
    unitCost: nonNegativeDecimal().nullable().optional(),
    reorderPoint: nonNegativeDecimal().nullable().optional(),
    tracking: tracking.optional(),
  })
  .strict();
export type CreateProductInput = z.infer<typeof createProductInput>;

export const updateProductInput = z
  .object({
    sku: sku.optional(),
    name: name.optional(),
    description: description.optional(),
    isFinished: z.boolean().optional(),
    uom: uom.optional(),
    unitCost: nonNegativeDecimal().nullable().optional(),
    reorderPoint: nonNegativeDecimal().nullable().optional(),
    tracking: tracking.optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdateProductInput = z.infer<typeof updateProductInput>;

export const listProductsQuery = pagingQuery
  .extend({
    q: searchText(100).optional(),
    isFinished: boolFlag.optional(),
    includeArchived: boolFlag.optional(),
  })
  .strict();
export type ListProductsQuery = z.infer<typeof listProductsQuery>;

/** The `[id]` route segment (other query keys are ignored). */
export const productIdParam = z.object({ id: z.uuid("must be a valid id") });

export const bomComponentInput = z.object({ materialId: z.uuid("must be a valid id"), qtyPerUnit: positiveDecimal() }).strict();
export const bomOperationInput = z
  .object({
    title: text({ max: 200, emptyMessage: "is required" }),
    workCenterId: z.uuid("must be a valid id").nullable().optional(),
    minutesPerUnit: nonNegativeDecimal().nullable().optional(),
    /** Work instructions (plain text / Markdown, up to 10,000 characters); empty or null clears them. */
    instructions: text({ max: 10_000, min: 0 })
      .nullable()
      .optional()
      .transform((v) => (v === "" ? null : v)),
  })
  .strict();

/** A whole BOM: PUT replaces components and operations (operations are sequenced in array order). */
export const replaceBomInput = z
  .object({
    components: z.array(bomComponentInput).max(500),
    operations: z.array(bomOperationInput).max(200),
  })
  .strict();
export type ReplaceBomInput = z.infer<typeof replaceBomInput>;

export const explodeQuery = z
  .object({
    id: z.uuid("must be a valid id"),
    quantity: z.coerce
      .number()
      .positive("must be greater than 0")
      .refine(hasAtMost4Decimals, "must have at most 4 decimals")
      .refine((n) => n < MAX_DECIMAL, "is too large")
      .default(1),
  })
  .strict();
export type ExplodeQuery = z.infer<typeof explodeQuery>;
