// The lot API as the browser receives it (Jsonify of the services' results, docs/architecture.md).
import type { getLot, listLots } from "@/lib/lots/lots";
import type { traceLot } from "@/lib/lots/trace";
import type { Jsonify } from "@/types/json";

/** GET /api/lots: a page of lots with their product and total on hand. */
export type LotPage = Jsonify<Awaited<ReturnType<typeof listLots>>>;
export type LotItem = LotPage["items"][number];
/** GET /api/lots/:id: one lot, its product and its balances per location. */
export type LotDetail = Jsonify<Awaited<ReturnType<typeof getLot>>>;
/** GET /api/lots/:id/trace. */
export type LotTrace = Jsonify<Awaited<ReturnType<typeof traceLot>>>;
export type TraceConsumedIn = LotTrace["consumedIn"][number];
export type TraceMadeFrom = LotTrace["madeFrom"][number];

/** Lots expiring within this many days are marked "expiring soon". */
export const EXPIRING_SOON_DAYS = 30;

/** Where a lot stands with its expiry: none, fine, within EXPIRING_SOON_DAYS, or past it. */
export function expiryState(expiresAt: string | null, now: number = Date.now()): "none" | "ok" | "soon" | "expired" {
  if (!expiresAt) return "none";
  const at = new Date(expiresAt).getTime();
  if (at <= now) return "expired";
  return at - now <= EXPIRING_SOON_DAYS * 24 * 3600 * 1000 ? "soon" : "ok";
}
