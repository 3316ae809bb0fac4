/**
 * Makes database values JSON-ready: Prisma Decimals become numbers (the API speaks JSON numbers),
 * BigInt ids become numbers while safe (strings beyond 2^53), Dates ISO strings.
 */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === "bigint") return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") {
    // Prisma.Decimal (decimal.js) without importing the runtime into client bundles.
    const v = value as { toNumber?: () => number; d?: unknown; s?: unknown; e?: unknown };
    if (typeof v.toNumber === "function" && "d" in v && "s" in v && "e" in v) return v.toNumber();
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(value)) {
      if (item !== undefined) out[k] = toJson(item);
    }
    return out;
  }
  return value;
}
