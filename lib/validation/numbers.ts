// JSON numbers for Decimal(18,4) columns: refuse what the database would round or overflow, so the
// value stored is exactly the value sent. JSON cannot carry NaN; `1e400` parses to Infinity, which
// z.number() refuses like any non-finite value. Browser-safe.
import { z } from "zod";

/** Decimal(18,4) holds 14 integer digits. */
export const MAX_DECIMAL = 1e14;

/** True when n has at most 4 decimals (tolerant of binary float noise such as 0.1 * 1e4). */
export function hasAtMost4Decimals(n: number): boolean {
  return Math.round(n * 1e4) / 1e4 === n;
}

const fits = (n: number) => Math.abs(n) < MAX_DECIMAL;
const number = () => z.number({ error: "must be a number" });

/** A quantity or amount ≥ 0 with at most 4 decimals. */
export const nonNegativeDecimal = () =>
  number().min(0, "must be 0 or more").refine(hasAtMost4Decimals, "must have at most 4 decimals").refine(fits, "is too large");

/** A quantity > 0 with at most 4 decimals. */
export const positiveDecimal = () =>
  number().positive("must be greater than 0").refine(hasAtMost4Decimals, "must have at most 4 decimals").refine(fits, "is too large");

/** Largest quantity accepted in one stock posting: far inside Decimal(18,4) and exact as a JSON number at 4 decimals. */
export const MAX_QUANTITY = 1_000_000_000;

/** A signed stock quantity with at most 4 decimals, at most MAX_QUANTITY in size. */
export const signedQuantity = () =>
  number()
    .refine(hasAtMost4Decimals, "must have at most 4 decimals")
    .refine((v) => Math.abs(v) <= MAX_QUANTITY, `must be at most ${MAX_QUANTITY} in size`);

/** A whole number in min..max. */
export const wholeNumber = (min: number, max: number) =>
  number().int("must be a whole number").min(min, `must be ${min} or more`).max(max, `must be at most ${max}`);
