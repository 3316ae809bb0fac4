// JSON numbers for Decimal(18,4) columns: refuse what the database would round or overflow,
// so the value stored is exactly the value sent.
import { z } from "zod";

/** Decimal(18,4) holds 14 integer digits. */
export const MAX_DECIMAL = 1e14;

/** True when n has at most 4 decimals (tolerant of binary float noise such as 0.1 * 1e4). */
export function hasAtMost4Decimals(n: number): boolean {
  return Math.round(n * 1e4) / 1e4 === n;
}

const fits = (n: number) => Math.abs(n) < MAX_DECIMAL;

/** A quantity or amount ≥ 0 with at most 4 decimals. */
export const nonNegativeDecimal = () =>
  z.number().min(0, "must be 0 or more").refine(hasAtMost4Decimals, "must have at most 4 decimals").refine(fits, "is too large");

/** A quantity > 0 with at most 4 decimals. */
export const positiveDecimal = () =>
  z.number().positive("must be greater than 0").refine(hasAtMost4Decimals, "must have at most 4 decimals").refine(fits, "is too large");

/** A field value as audit JSON and for comparison: Decimals become numbers, undefined null. */
export function plainValue(v: unknown): unknown {
  if (v && typeof v === "object" && "toNumber" in v && typeof v.toNumber === "function") return (v as { toNumber(): number }).toNumber();
  return v ?? null;
}
