import useSWR from "swr";
import type { ApiError } from "../api";
import type { Explosion } from "./types";

/** GET /api/products/:id/bom/explode for `quantity` units (null: nothing to ask yet). */
export function useExplosion(productId: string | null, quantity: number | null) {
  const key = productId && quantity && quantity > 0 ? `/api/products/${encodeURIComponent(productId)}/bom/explode?quantity=${quantity}` : null;
  return useSWR<Explosion, ApiError>(key, { keepPreviousData: true });
}
