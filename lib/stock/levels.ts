// StockLevel rows outside a posting: created with their product, locked ahead of a multi-step
// posting, dropped with a never-used product. Like post.ts, the only place these rows are written.
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";

/** Creates a product's zero StockLevel row (call it when the product is created), so postings have a row to lock. */
export async function ensureStockLevel(tx: Tx, productId: string): Promise<void> {
  await tx.stockLevel.upsert({ where: { productId }, create: { productId }, update: {} });
}

/** Creates the zero StockLevel rows of many new products at once (imports), skipping rows that exist. */
export async function ensureStockLevels(tx: Tx, productIds: string[]): Promise<void> {
  for (let i = 0; i < productIds.length; i += 1000) {
    await tx.stockLevel.createMany({ data: productIds.slice(i, i + 1000).map((productId) => ({ productId })), skipDuplicates: true });
  }
}

/**
 * Locks the StockLevel rows of these products until the transaction ends, in productId order (the
 * order postStock uses), for a use case that posts several times: taking every lock first keeps one
 * global lock order across its postings (postStock re-locks rows it already holds without waiting).
 */
export async function lockLevels(tx: Tx, productIds: string[]): Promise<void> {
  const ids = [...new Set(productIds)].sort();
  if (!ids.length) return;
  await tx.$queryRaw`SELECT "productId" FROM "StockLevel" WHERE "productId" IN (${Prisma.join(ids)}) ORDER BY "productId" FOR UPDATE`;
}

/** Deletes a product's stock level; only for a product being deleted, which has no ledger entries. */
export async function dropLevel(tx: Tx, productId: string): Promise<void> {
  await tx.stockLevel.deleteMany({ where: { productId } });
}
