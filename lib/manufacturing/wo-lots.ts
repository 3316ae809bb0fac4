// What the tablet's Complete panel needs to name lots (docs/locations.md "Manufacturing orders", docs/
// scanning.md): whether this work order's completion finishes its MO (only that completion may name
// lots: lib/manufacturing/wo-transitions.ts), the output's tracking and default lot code (the MO
// number), and per lot-tracked component the lots the completion could consume, in the order it picks
// them (first expiry first). Behind GET /api/workorders/:id/lots: operators hold no stock:read, so this
// is the narrow read of exactly what the panel shows.
import type { Actor } from "../auth/permissions";
import { prisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { notFound } from "../errors";
import { woWhere } from "./wo-read";
import { visibleWos } from "./scope";
import { readSnapshot } from "./snapshot";

/** The most lots offered per component (first expiry first; the rest are still picked automatically). */
export const WO_LOTS_PER_COMPONENT = 50;

/** The locations a completion without a source location consumes from (as mo-lots.ts `candidates`). */
const PICKED_KINDS = ["STORAGE", "WIP", "FINISHED"] as const;

export async function getWoCompletionLots(ref: string, actor: Actor) {
  const db = prisma();
  const wo = await db.workOrder.findFirst({
    where: { AND: [woWhere(ref), visibleWos(actor)] },
    select: {
      id: true,
      status: true,
      moId: true,
      mo: { select: { orderNo: true, quantity: true, sourceLocationId: true, bomSnapshot: true, product: { select: { id: true, sku: true, tracking: true } } } },
    },
  });
  if (!wo) throw notFound("Work order");
  const others = await db.workOrder.findMany({ where: { moId: wo.moId, id: { not: wo.id } }, select: { status: true, scrapQty: true } });
  // Completing this one finishes the MO when every other work order is completed already.
  const finishesMo = wo.status !== "COMPLETED" && others.every((o) => o.status === "COMPLETED");
  // What the other operations scrapped: the MO consumes for made + every operation's scrap.
  const scrappedBefore = others.reduce((s, o) => s.plus(o.scrapQty ?? 0), new Prisma.Decimal(0));

  const snapshot = readSnapshot(wo.mo.bomSnapshot);
  const tracked = new Map(
    (await db.product.findMany({ where: { id: { in: snapshot.map((l) => l.materialId) }, tracking: { not: "NONE" } }, select: { id: true, tracking: true } })).map((p) => [p.id, p.tracking]),
  );
  const balances = tracked.size
    ? await db.stockBalance.findMany({
        where: {
          productId: { in: [...tracked.keys()] },
          lotId: { not: null },
          onHand: { gt: 0 },
          location: wo.mo.sourceLocationId ? { id: wo.mo.sourceLocationId } : { kind: { in: [...PICKED_KINDS] } },
        },
        select: { productId: true, onHand: true, lot: { select: { id: true, code: true, expiresAt: true, createdAt: true } } },
      })
    : [];
  const lotsOf = (productId: string) => {
    const byLot = new Map<string, { id: string; code: string; expiresAt: Date | null; createdAt: Date; available: Prisma.Decimal }>();
    for (const b of balances) {
      if (b.productId !== productId || !b.lot) continue;
      const prev = byLot.get(b.lot.id);
      byLot.set(b.lot.id, { ...b.lot, available: (prev?.available ?? new Prisma.Decimal(0)).plus(b.onHand) });
    }
    return [...byLot.values()]
      .sort((a, b) => (a.expiresAt?.getTime() ?? Infinity) - (b.expiresAt?.getTime() ?? Infinity) || a.createdAt.getTime() - b.createdAt.getTime() || a.code.localeCompare(b.code))
      .slice(0, WO_LOTS_PER_COMPONENT)
      .map(({ createdAt: _created, ...l }) => l);
  };

  return {
    workOrderId: wo.id,
    finishesMo,
    orderNo: wo.mo.orderNo,
    moQuantity: wo.mo.quantity,
    scrappedBefore,
    output: { productId: wo.mo.product.id, sku: wo.mo.product.sku, tracking: wo.mo.product.tracking },
    components: snapshot
      .filter((l) => tracked.has(l.materialId))
      .map((l) => ({ productId: l.materialId, sku: l.sku, name: l.name, uom: l.uom, qtyPerUnit: new Prisma.Decimal(l.qtyPerUnit.toString()), tracking: tracked.get(l.materialId)!, lots: lotsOf(l.materialId) })),
  };
}
export type WoCompletionLots = Awaited<ReturnType<typeof getWoCompletionLots>>;
