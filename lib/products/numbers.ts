// Decimal(18,4) values: the input types live in lib/validation/numbers (re-exported for older importers).
export { MAX_DECIMAL, hasAtMost4Decimals, nonNegativeDecimal, positiveDecimal } from "../validation/numbers";

/** A field value as audit JSON and for comparison: Decimals become numbers, undefined null. */
export function plainValue(v: unknown): unknown {
  if (v && typeof v === "object" && "toNumber" in v && typeof v.toNumber === "function") return (v as { toNumber(): number }).toNumber();
  return v ?? null;
}
