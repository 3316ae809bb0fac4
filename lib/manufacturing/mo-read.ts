// Reading MOs: the list (filters, paging, progress, late) and the detail with material availability.
import type { Actor } from "../auth/permissions";
import { prisma, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { notFound } from "../errors";
import { COUNT_CAP, countCapped, pageArgs, type Page } from "../validation/paging";
import type { ListMosQuery } from "./schemas";
import { availabilityOfMos, ensureMaterialStatus } from "./availability";
import type { MaterialStatus, Tracking } from "../db/generated/enums";
import { moFamily, type MoFamily } from "./child-links";
import { withReached } from "./quantities";
import { visibleMos, visibleWos } from "./scope";
import { lineQty, readSnapshot } from "./snapshot";
import { isLate, moItemSelect, progressOf, toWoItem, woItemSelect, type MoRow, type Progress, type WoItem } from "./views";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

/** materialStatus: READY / PARTIAL / WAITING for an open MO, null for a closed one (docs/domain.md "Material availability"). */
export type MoListItem = MoRow & { progress: Progress; late: boolean; materialStatus: MaterialStatus | null };

/** Lists MOs newest first, filtered by state(s) and text (name or order number); operators see only MOs with a WO of theirs. */
export async function listMos(q: ListMosQuery, actor: Actor): Promise<Page<MoListItem>> {
  const where: Prisma.ManufacturingOrderWhereInput = {
    AND: [
      visibleMos(actor),
      q.state ? { state: { in: q.state } } : {},
      q.q ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { orderNo: { contains: q.q, mode: "insensitive" } }] } : {},
      q.materialStatus ? { state: { in: ["PLANNED", "IN_PROGRESS"] }, materialStatus: { in: q.materialStatus } } : {},
    ],
  };
  const db = prisma();
  // The stored status, with every refresh this process has scheduled so far applied.
  await ensureMaterialStatus(db);
  // As the ledger (docs/performance.md "Paging and counts"): the page's ids first, from the
  // ("createdAt", "id") index without reading the rows a deep page skips, then only its rows; past the
  // count's cap the page's own ids (one more than the page) tell the total, so it counts nothing.
  const order: Prisma.ManufacturingOrderOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  const { skip, take } = pageArgs(q);
  const deep = skip + take > COUNT_CAP;
  const [ids, counted] = await Promise.all([
    db.manufacturingOrder.findMany({ where, select: { id: true }, orderBy: order, skip, take: take + 1 }),
    deep ? undefined : countCapped((n) => db.manufacturingOrder.count({ where, take: n }), q),
  ]);
  const more = ids.length > take;
  const pageIds = ids.slice(0, take).map((r) => r.id);
  const count =
    counted ??
    (more ? { total: skip + take, totalCapped: true as const } : pageIds.length ? { total: skip + pageIds.length } : await countCapped((n) => db.manufacturingOrder.count({ where, take: n }), q));
  const rows = pageIds.length ? await db.manufacturingOrder.findMany({ where: { id: { in: pageIds } }, select: { ...moItemSelect, materialStatus: true }, orderBy: order }) : [];
  const progress = await progressOf(db, rows.map((r) => r.id));
  const now = new Date();
  return { items: rows.map((r) => ({ ...r, progress: progress.get(r.id)!, late: isLate(r, now) })), ...count, page: q.page, pageSize: q.pageSize };
}

/**
 * One component of an MO, ranked (DOMAIN-2 §1): allocatedAhead is what the open MOs ranked before
 * it require, available = max(0, onHand − allocatedAhead), shortBy = max(0, required − available).
 * A closed MO allocates nothing and is never short.
 */
export interface MaterialRequirement {
  productId: string;
  materialId: string;
  sku: string;
  name: string;
  uom: string;
  qtyPerUnit: number;
  required: Decimal;
  onHand: Decimal;
  allocatedAhead: Decimal;
  available: Decimal;
  shortBy: Decimal;
  short: boolean;
  /** The component's tracking: a LOT or SERIAL one can be named by lot at completion. */
  tracking: Tracking;
}

const moLinkSelect = { id: true, orderNo: true, state: true, quantity: true } as const satisfies Prisma.ManufacturingOrderSelect;
type MoLink = Prisma.ManufacturingOrderGetPayload<{ select: typeof moLinkSelect }>;

export type MoDetail = Omit<MoListItem, "product"> & {
  /** The product, with its tracking (a LOT or SERIAL product's output gets a lot at completion). */
  product: MoListItem["product"] & { tracking: Tracking };
  createdBy: { id: string; name: string };
  workOrders: (Omit<WoItem, "mo"> & { reachedQty: Decimal })[];
  /** The MO this one is the backorder of, and this one's backorder (docs/domain.md "Backorders"). */
  backorderOf: MoLink | null;
  backorder: MoLink | null;
  materials: MaterialRequirement[];
  shortages: number;
} & MoFamily;

/**
 * One MO with its work orders (an operator sees only theirs), progress, and per snapshot component
 * what it needs against what is on hand. Only an open MO can be short: a DONE one has consumed
 * what it needed (required is then for the produced quantity) and a CANCELED one needs nothing.
 */
export async function getMoDetail(id: string, actor: Actor, db: Tx = prisma()): Promise<MoDetail> {
  const { mo: _mo, ...woSelect } = woItemSelect;
  const mo = await db.manufacturingOrder.findFirst({
    where: { AND: [{ id }, visibleMos(actor)] },
    select: {
      ...moItemSelect,
      bomSnapshot: true,
      parentId: true,
      createdBy: { select: { id: true, name: true } },
      backorderOf: { select: moLinkSelect },
      backorder: { select: moLinkSelect },
      workOrders: { where: visibleWos(actor), select: woSelect, orderBy: { sequence: "asc" } },
    },
  });
  if (!mo) throw notFound("Manufacturing order");
  const { bomSnapshot, workOrders, ...rest } = mo;
  const snapshot = readSnapshot(bomSnapshot);
  const componentIds = snapshot.map((l) => l.materialId);
  const [levels, tracked] = await Promise.all([
    db.stockLevel.findMany({ where: { productId: { in: componentIds } }, select: { productId: true, onHand: true } }),
    db.product.findMany({ where: { id: { in: [...componentIds, mo.productId] } }, select: { id: true, tracking: true } }),
  ]);
  const onHandOf = new Map(levels.map((l) => [l.productId, l.onHand]));
  const trackingOf = new Map(tracked.map((p) => [p.id, p.tracking]));
  const units = mo.state === "DONE" ? (mo.producedQty ?? mo.quantity) : mo.quantity;
  const open = mo.state === "PLANNED" || mo.state === "IN_PROGRESS";
  const ranked = open ? (await availabilityOfMos(db, [id])).get(id) : undefined;
  const materials = snapshot.map((l): MaterialRequirement => {
    const required = lineQty(l, units);
    // An open order's on-hand is what picking can take (held stock left out, lib/stock/held.ts).
    const r = ranked?.components.get(l.materialId);
    const onHand = r?.onHand ?? new Decimal((onHandOf.get(l.materialId) ?? 0).toString());
    const a = r ?? { allocatedAhead: new Decimal(0), available: onHand, shortBy: new Decimal(0) };
    const base = { productId: l.materialId, materialId: l.materialId, sku: l.sku, name: l.name, uom: l.uom, qtyPerUnit: Number(l.qtyPerUnit), required, onHand };
    return { ...base, allocatedAhead: a.allocatedAhead, available: a.available, shortBy: a.shortBy, short: a.shortBy.greaterThan(0), tracking: trackingOf.get(l.materialId) ?? "NONE" };
  });
  const progress = (await progressOf(db, [id])).get(id)!;
  return {
    ...rest,
    product: { ...rest.product, tracking: trackingOf.get(mo.productId) ?? "NONE" },
    progress,
    late: isLate(mo),
    materialStatus: ranked?.materialStatus ?? null,
    workOrders: await withReached(db, workOrders.map(toWoItem)),
    materials,
    shortages: materials.filter((m) => m.short).length,
    ...(await moFamily(db, mo, actor)),
  };
}
