import { instantRange as createdAtRange } from "../validation/dates";
import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { pageArgs, type Page } from "../validation/paging";
import type { ListLedgerQuery } from "./schemas";

/** What the API shows of a ledger entry. */
export const ledgerEntrySelect = {
  id: true,
  productId: true,
  change: true,
  balanceAfter: true,
  sourceType: true,
  sourceId: true,
  note: true,
  scrapReason: true,
  createdAt: true,
  locationId: true,
  lotId: true,
  product: { select: { id: true, sku: true, name: true, uom: true } },
  location: { select: { id: true, code: true } },
  lot: { select: { id: true, code: true } },
  createdBy: { select: { id: true, name: true } },
} as const satisfies Prisma.StockEntrySelect;
export type LedgerEntry = Prisma.StockEntryGetPayload<{ select: typeof ledgerEntrySelect }>;

/** Ledger entries, newest first, filtered by product, source, location, lot and time. */
export async function listLedger(q: ListLedgerQuery): Promise<Page<LedgerEntry>> {
  const where: Prisma.StockEntryWhereInput = {
    ...(q.productId ? { productId: q.productId } : {}),
    ...(q.sourceType ? { sourceType: q.sourceType } : {}),
    ...(q.sourceId ? { sourceId: q.sourceId } : {}),
    ...(q.locationId ? { locationId: q.locationId } : {}),
    ...(q.lotId ? { lotId: q.lotId } : {}),
    ...(q.from || q.to ? { createdAt: createdAtRange(q.from, q.to) } : {}),
  };
  // Newest = highest id: ids are taken under the product's level lock, so per product they follow
  // the balance chain, whereas createdAt is the transaction's start time and may interleave.
  const [items, total] = await Promise.all([
    prisma().stockEntry.findMany({ where, select: ledgerEntrySelect, orderBy: { id: "desc" }, ...pageArgs(q) }),
    prisma().stockEntry.count({ where }),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}
