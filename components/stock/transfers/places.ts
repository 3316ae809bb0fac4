// The reads the transfer and count screens share (docs/locations.md): the locations, what is on hand at
// one of them per product and lot (GET /api/locations/:id), and how a product is tracked.
import useSWR, { useSWRConfig } from "swr";
import { useCallback } from "react";
import type { getLocation, listLocations } from "@/lib/locations/locations";
import type { JsonResult } from "@/types/json";
import type { ApiError } from "../../api";
import { formatDate } from "../../format";
import type { Product } from "../../products/types";

export type LocationItem = JsonResult<typeof listLocations>["items"][number];
export type LocationStock = JsonResult<typeof getLocation>;
export type StockLine = LocationStock["stock"][number];

/** The active locations, and STOCK's id (the one default of kind STORAGE, the API's default location). */
export function useLocationList() {
  const { data, error, mutate } = useSWR<{ items: LocationItem[] }, ApiError>("/api/locations");
  const stockId = data?.items.find((l) => l.isDefault && l.kind === "STORAGE")?.id ?? "";
  return { items: data?.items, stockId, error, retry: () => void mutate() };
}

/** What is on hand at one location, per product and lot (null: nothing asked). */
export function useLocationStock(locationId: string | null | undefined) {
  return useSWR<LocationStock, ApiError>(locationId ? `/api/locations/${encodeURIComponent(locationId)}` : null);
}

/** How a product is tracked (NONE, LOT, SERIAL); null while unknown. */
export function useProductTracking(productId: string | null | undefined): Product["tracking"] | null {
  const { data } = useSWR<Product, ApiError>(productId ? `/api/products/${encodeURIComponent(productId)}` : null);
  return data && data.id === productId ? data.tracking : null;
}

/** Reads every location and stock list again (after a transfer or a count moved stock). */
export function useRefreshStock(): () => Promise<unknown> {
  const { mutate } = useSWRConfig();
  return useCallback(() => mutate((key) => typeof key === "string" && (key.startsWith("/api/locations") || key.startsWith("/api/stock") || key.startsWith("/api/lots"))), [mutate]);
}

/** The lines of one product at a location (its lots, or its untracked stock). */
export function linesOf(stock: LocationStock | undefined, productId: string | undefined): StockLine[] {
  if (!stock || !productId) return [];
  return stock.stock.filter((s) => s.product.id === productId);
}

/** What is on hand of a product at a location: of one lot when given, else of all of it. */
export function onHandOf(stock: LocationStock | undefined, productId: string | undefined, lotId?: string): number | undefined {
  if (!stock || !productId) return undefined;
  return linesOf(stock, productId)
    .filter((s) => !lotId || s.lot?.id === lotId)
    .reduce((n, s) => n + s.onHand, 0);
}

/** An expiry as its calendar date: stored as that day's UTC midnight, read at noon so no time zone moves it. */
export function expiryText(iso: string | null | undefined): string | null {
  return iso ? formatDate(`${iso.slice(0, 10)}T12:00:00Z`) : null;
}
