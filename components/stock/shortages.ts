// The product list of a 409 INSUFFICIENT_STOCK answer (`details.shortages`), read defensively: the
// error body is untyped JSON, and a malformed entry must not break the message around it.
import { ApiError } from "../api";
import type { Shortage as ApiShortage } from "../mos/types";

/** What the screen shows of a short product (the fields the guard below checks). */
export type Shortage = Omit<ApiShortage, "productId">;

function isShortage(v: unknown): v is Shortage {
  if (typeof v !== "object" || v === null) return false;
  const s = v as Record<string, unknown>;
  return typeof s.sku === "string" && typeof s.name === "string" && typeof s.uom === "string" && typeof s.onHand === "number" && typeof s.required === "number" && typeof s.shortBy === "number";
}

/** The short products of an INSUFFICIENT_STOCK error, or null for any other error. */
export function shortagesOf(err: unknown): Shortage[] | null {
  if (!(err instanceof ApiError) || err.code !== "INSUFFICIENT_STOCK") return null;
  const list = (err.details as { shortages?: unknown } | undefined)?.shortages;
  return Array.isArray(list) ? list.filter(isShortage) : [];
}
