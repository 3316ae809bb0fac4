// Lots (docs/locations.md "Lots"): batches of a lot-tracked product, or one serial of a serial-tracked
// one. Made by receipts (findOrCreateLots) and read by the lot screens and the API.
import { prisma, type Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Tracking } from "../db/generated/enums";
import { badRequest, notFound } from "../errors";
import { DEFAULT_LOCATIONS } from "../locations/defaults";
import type { ListLotsQuery } from "./schemas";


const lotSelect = { id: true, productId: true, code: true, expiresAt: true, createdAt: true } as const satisfies Prisma.LotSelect;

/**
 * Lots, first expiry first then oldest, each with its product and total on hand: one product's (all
 * of them unless a page size is asked for) or every lot, a page at a time. Unknown product → 404.
 */
export async function listLots(q: ListLotsQuery) {
  if (q.productId) {
    const product = await prisma().product.findUnique({ where: { id: q.productId }, select: { id: true } });
    if (!product) throw notFound("Product");
  }
  const where: Prisma.LotWhereInput = q.productId ? { productId: q.productId } : {};
  const pageSize = q.pageSize ?? (q.productId ? undefined : 50);
  const [lots, total] = await Promise.all([
    prisma().lot.findMany({
      where,
      select: { ...lotSelect, product: { select: { sku: true, name: true, uom: true, tracking: true } }, balances: { select: { onHand: true } } },
      orderBy: [{ expiresAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { code: "asc" }, { id: "asc" }],
      ...(pageSize ? { skip: (q.page - 1) * pageSize, take: pageSize } : {}),
    }),
    prisma().lot.count({ where }),
  ]);
  return {
    items: lots.map(({ balances, ...l }) => ({ ...l, onHand: balances.reduce((s, b) => s + b.onHand.toNumber(), 0) })),
    total,
    page: pageSize ? q.page : 1,
    pageSize: pageSize ?? total,
  };
}

/** One lot with its product and where it is (non-zero balances per location). */
export async function getLot(id: string) {
  const lot = await prisma().lot.findUnique({
    where: { id },
    select: {
      ...lotSelect,
      product: { select: { id: true, sku: true, name: true, uom: true, tracking: true } },
      balances: { where: { onHand: { not: 0 } }, select: { onHand: true, location: { select: { id: true, code: true, name: true, kind: true } } }, orderBy: { location: { code: "asc" } } },
    },
  });
  if (!lot) throw notFound("Lot");
  return lot;
}

/** The lots of these codes for a product, made when missing (new ones get `expiresAt`). */
export async function findOrCreateLots(tx: Tx, productId: string, codes: string[], expiresAt: Date | null): Promise<{ id: string; code: string }[]> {
  const out: { id: string; code: string }[] = [];
  for (const code of codes) {
    const lot = await tx.lot.upsert({ where: { productId_code: { productId, code } }, create: { productId, code, expiresAt }, update: {}, select: { id: true, code: true } });
    out.push(lot);
  }
  return out;
}

/**
 * Where a movement of a product happens: the location (default STOCK) and the lot, which tracked
 * products need and untracked ones must not have (400 naming `lotId`).
 */
export async function resolveKey(tx: Tx, product: { id: string; tracking: Tracking }, locationId: string | undefined, lotId: string | null | undefined, path: string = "lotId") {
  if (product.tracking !== "NONE" && !lotId) throw badRequest("This product is tracked by lot: name the lot.", { fieldErrors: { [path]: ["is required for a tracked product"] } });
  if (product.tracking === "NONE" && lotId) throw badRequest("This product is not tracked by lot.", { fieldErrors: { [path]: ["must be left out for an untracked product"] } });
  if (lotId) {
    const lot = await tx.lot.findUnique({ where: { id: lotId }, select: { productId: true } });
    if (!lot) throw notFound("Lot");
    if (lot.productId !== product.id) throw badRequest("The lot belongs to another product.", { fieldErrors: { [path]: ["belongs to another product"] } });
  }
  return { locationId: locationId ?? DEFAULT_LOCATIONS.STOCK, lotId: lotId ?? null };
}
