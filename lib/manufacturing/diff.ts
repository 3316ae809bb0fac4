import { Prisma } from "../db/generated/client";

export type Changes = Record<string, { from: unknown; to: unknown }>;

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Prisma.Decimal.isDecimal(a)) return (typeof b === "number" || Prisma.Decimal.isDecimal(b)) && a.equals(b);
  return a === b;
}

/** The fields of a PATCH body whose values differ from the record's (undefined = not sent). */
export function diff<K extends string>(before: Record<K, unknown>, input: Partial<Record<K, unknown>>): Changes {
  const changes: Changes = {};
  for (const [k, v] of Object.entries(input) as [K, unknown][]) {
    if (v !== undefined && !same(before[k], v)) changes[k] = { from: before[k], to: v };
  }
  return changes;
}
