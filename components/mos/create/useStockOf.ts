import useSWR from "swr";
import { apiFetch, type ApiError } from "../../api";
import type { StockLevel } from "../../stock/types";
import type { Page } from "../../types";

/**
 * On-hand quantities of a few products by SKU (the stock list has no id filter, so each is a
 * search for its SKU). Only for people who may read stock; null for everyone else.
 */
export function useStockOf(skus: string[], enabled: boolean) {
  const key = enabled && skus.length ? ["stock-of", ...[...skus].sort()] : null;
  return useSWR<Map<string, number>, ApiError>(key, async () => {
    const pages = await Promise.all(skus.map((sku) => apiFetch<Page<StockLevel>>(`/api/stock?q=${encodeURIComponent(sku)}&pageSize=20&includeArchived=true`)));
    const out = new Map<string, number>();
    for (const page of pages) for (const row of page.items) out.set(row.productId, row.onHand);
    return out;
  });
}
