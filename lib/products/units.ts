// Units that are counted, not measured: a quantity of pieces, sets or packs-as-items is a whole
// number. Browser-safe (the forms use it to set `step=1`); the services call assertWholeQuantity
// where they know the product, since a schema alone cannot see which unit a product id has.
import { ZodError } from "zod";
import type { Db, Tx } from "../db/client";

/** Counted units (compared case-insensitively, trimmed). */
export const COUNTED_UNITS: readonly string[] = ["pcs", "pc", "ea", "each", "set", "unit", "units", "stuks", "st", "piece", "pieces"];

const COUNTED = new Set(COUNTED_UNITS);

/** Whether quantities in `uom` must be whole numbers. */
export function isCountedUnit(uom: string | null | undefined): boolean {
  return uom != null && COUNTED.has(uom.trim().toLowerCase());
}

/** Why `quantity` of the product is not acceptable (a fraction of a counted unit), or null. */
export function wholeQuantityIssue(quantity: number, product: { name: string; uom: string }): string | null {
  if (!isCountedUnit(product.uom) || Number.isInteger(quantity)) return null;
  return `${product.name} is counted in ${product.uom.trim()}: use a whole number`;
}

/**
 * Refuses a fractional quantity of a counted product with a 400 naming the field, e.g.
 * "quantity: Metal Table is counted in pcs: use a whole number" (a ZodError: the same shape as the
 * schema's own errors).
 */
export function assertWholeQuantity(path: (string | number)[], quantity: number | null | undefined, product: { name: string; uom: string }): void {
  if (quantity === null || quantity === undefined) return;
  const message = wholeQuantityIssue(quantity, product);
  if (message) throw new ZodError([{ code: "custom", path, message, input: quantity }]);
}

/** A quantity of a product, and the request field it came from. */
export interface QuantityOf {
  path: (string | number)[];
  productId: string;
  quantity: number | { toNumber(): number } | null | undefined;
}


/**
 * Server side: refuses (400, every offending field named) fractional quantities of counted
 * products. Reads the products only when a quantity is fractional, so whole numbers cost nothing.
 */
export async function assertWholeQuantities(db: Db | Tx, lines: QuantityOf[]): Promise<void> {
  const values = lines.map((l) => (l.quantity == null ? null : typeof l.quantity === "number" ? l.quantity : l.quantity.toNumber()));
  const fractional = lines.filter((_, i) => values[i] !== null && !Number.isInteger(values[i]));
  if (!fractional.length) return;
  const products = new Map((await db.product.findMany({ where: { id: { in: [...new Set(fractional.map((l) => l.productId))] } }, select: { id: true, name: true, uom: true } })).map((p) => [p.id, p]));
  const issues = lines.flatMap((l, i) => {
    const p = products.get(l.productId);
    const message = p && values[i] !== null ? wholeQuantityIssue(values[i]!, p) : null;
    return message ? [{ code: "custom" as const, path: l.path, message, input: values[i] }] : [];
  });
  if (issues.length) throw new ZodError(issues);
}
