// Client-side checks of the posting forms, mirroring lib/stock/schemas.ts so people get the message
// next to the field before anything is sent (the API checks again).
import { ApiError } from "../api";

/** The API's limit per posting (MAX_QUANTITY in lib/stock/schemas.ts). */
export const MAX_QUANTITY = 1_000_000_000;

/** A positive quantity typed by a person ("12", "2.5", "2,5"), or the reason it is not one. */
export function parseQuantity(raw: string): { value: number } | { error: string } {
  const text = raw.trim().replace(/\s/g, "");
  if (!text) return { error: "Enter a quantity." };
  // A lone comma is a decimal comma (2,5); with a dot present commas are thousands separators.
  const normal = text.includes(".") ? text.replace(/,/g, "") : text.replace(",", ".");
  if (!/^\d*\.?\d+$/.test(normal)) return { error: "Enter a number, e.g. 12 or 2.5." };
  const value = Number(normal);
  if (!Number.isFinite(value) || value <= 0) return { error: "Enter a quantity greater than zero." };
  if (Math.round(value * 10_000) / 10_000 !== value) return { error: "Use at most 4 decimals." };
  if (value > MAX_QUANTITY) return { error: `Enter at most ${MAX_QUANTITY.toLocaleString()} at a time.` };
  return { value };
}

/** Per-field messages from a 400's `details` ([{ path, message }]). */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details as unknown[]) {
    if (typeof d !== "object" || d === null) continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    const key = Array.isArray(path) ? String(path[0]) : typeof path === "string" ? path : null;
    if (key && typeof message === "string") out[key] ??= message;
  }
  return out;
}
