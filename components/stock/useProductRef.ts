import useSWR from "swr";
import type { ApiError } from "../api";
import type { Product } from "../products/types";
import type { ProductOption } from "./types";

/** The product behind a productId in the address (a shared link, a notification), for labels and filters. */
export function useProductRef(productId: string | null): { product: ProductOption | null; error?: ApiError } {
  const { data, error } = useSWR<Product, ApiError>(productId ? `/api/products/${encodeURIComponent(productId)}` : null);
  return { product: data ? { productId: data.id, sku: data.sku, name: data.name, uom: data.uom } : null, error };
}
