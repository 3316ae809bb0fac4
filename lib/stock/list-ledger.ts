import { instantRange as createdAtRange } from "../validation/dates";
import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { COUNT_CAP, countCapped, pageArgs, type Page } from "../validation/paging";
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

/** A page of the ledger; `nextBefore` (when there are older entries) asks for the next page by keyset (`?before=`). */
export type LedgerPage = Page<LedgerEntry> & { nextBefore?: string };

/**
 * Ledger entries, newest first, filtered by product, source, location, lot and time.
 *
 * With a year of data (~1 M rows, docs/performance.md "Paging and counts") a page must neither count
 * every row nor read every skipped row: the total is counted up to COUNT_CAP (countCapped); a page past
 * the cap is known from its own ids (one row more than the page says whether more follow), so it counts
 * nothing; the page's ids are read first (from the id or (productId, id) index, without the rows they
 * skip), then only those rows. `before` (the previous page's `nextBefore`) starts the page below that id
 * instead of skipping: `page` then only labels it (the caller's page number) for the total.
 */
export async function listLedger(q: ListLedgerQuery): Promise<LedgerPage> {
  const filter: Prisma.StockEntryWhereInput = {
    ...(q.productId ? { productId: q.productId } : {}),
    ...(q.sourceType ? { sourceType: q.sourceType } : {}),
    ...(q.sourceId ? { sourceId: q.sourceId } : {}),
    ...(q.locationId ? { locationId: q.locationId } : {}),
    ...(q.lotId ? { lotId: q.lotId } : {}),
    ...(q.from || q.to ? { createdAt: createdAtRange(q.from, q.to) } : {}),
  };
  const db = prisma();
  const { skip, take } = pageArgs(q);
  const where: Prisma.StockEntryWhereInput = q.before ? { ...filter, id: { lt: BigInt(q.before) } } : filter;
  // Newest = highest id: ids are taken under the product's level lock, so per product they follow
  // the balance chain, whereas createdAt is the transaction's start time and may interleave.
  const deep = skip + take > COUNT_CAP;
  const [ids, counted] = await Promise.all([
    db.stockEntry.findMany({ where, select: { id: true }, orderBy: { id: "desc" }, skip: q.before ? 0 : skip, take: take + 1 }),
    deep ? undefined : countCapped((n) => db.stockEntry.count({ where: filter, take: n }), q),
  ]);
  const more = ids.length > take;
  const pageIds = ids.slice(0, take).map((r) => r.id);
  // Past the cap the page's own ids tell the total as countCapped would: at least to the page's end
  // when more follow, else exactly to its last row; only a page beyond the end has to count.
  const count = counted ?? (more ? { total: skip + take, totalCapped: true as const } : pageIds.length ? { total: skip + pageIds.length } : await countCapped((n) => db.stockEntry.count({ where: filter, take: n }), q));
  const items = pageIds.length ? await db.stockEntry.findMany({ where: { id: { in: pageIds } }, select: ledgerEntrySelect, orderBy: { id: "desc" } }) : [];
  return { items, ...count, page: q.page, pageSize: q.pageSize, ...(more ? { nextBefore: pageIds[pageIds.length - 1]!.toString() } : {}) };
}
