import type { Tx } from "../db/client";

/** Creates a product's zero StockLevel row (call it when the product is created), so postings have a row to lock. */
export async function ensureStockLevel(tx: Tx, productId: string): Promise<void> {
  await tx.stockLevel.upsert({ where: { productId }, create: { productId }, update: {} });
}
