// Reading work orders: lists (all, or one MO's) and the detail a tablet shows, by id or by code.
import { scopeOf, type Actor } from "../auth/permissions";
import { prisma, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { WorkStatus } from "../db/generated/enums";
import { notFound } from "../errors";
import { countCapped, pageArgs, type Page, type Paging } from "../validation/paging";
import type { ListWosQuery } from "./schemas";
import { withReached } from "./quantities";
import { visibleMos, visibleWos } from "./scope";
import { lineQty, readSnapshot } from "./snapshot";
import { toWoItem, woItemSelect, type WoItem } from "./views";

/** The where clause for a WO given by id or by its code (WO-000003, already upper-cased). */
export function woWhere(ref: string): Prisma.WorkOrderWhereInput {
  return ref.startsWith("WO-") ? { code: ref } : { id: ref };
}

/** Up to this many matches, a work-order page is sorted from the matches themselves (see pageWos). */
const FEW = 5000;

/** What a work-order list is filtered by (all of it optional; an operator's scope comes from the actor). */
interface WoFilter {
  status?: WorkStatus[];
  moId?: string;
  assignedToId?: string;
}

/** The filter as SQL over `w` ("WorkOrder"): the actor's scope (visibleWos) and the filter's fields. */
function woConditions(f: WoFilter, actor: Actor): Prisma.Sql {
  const conds: Prisma.Sql[] = [];
  if (scopeOf(actor, "wo:read") === "own") {
    const wcs = actor.station?.workCenterIds;
    conds.push(wcs?.length ? Prisma.sql`(w."assignedToId" = ${actor.id} OR w."workCenterId" IN (${Prisma.join(wcs)}))` : Prisma.sql`w."assignedToId" = ${actor.id}`);
  }
  // Compared as the enum, not as text: `status::text IN (…)` matches no index, so a STARTED board
  // scanned all 344,000 work orders (twice, ~200 ms each) to find its 21 (docs/performance.md).
  if (f.status) conds.push(Prisma.sql`w."status" IN (${Prisma.join(f.status.map((s) => Prisma.sql`${s}::"WorkStatus"`))})`);
  if (f.moId) conds.push(Prisma.sql`w."moId" = ${f.moId}`);
  if (f.assignedToId) conds.push(Prisma.sql`w."assignedToId" = ${f.assignedToId}`);
  return conds.length ? Prisma.join(conds, " AND ") : Prisma.sql`TRUE`;
}

/**
 * A page of work orders, newest MO first (then sequence, id). The page's ids come from one statement
 * that walks the MOs' createdAt index and each MO's work orders (an inner join: every WO has its MO), so
 * a top-25 never joins all 400,000 work orders with their MOs first (docs/performance.md); the rows
 * are then read by id. The total is counted up to COUNT_CAP.
 */
async function pageWos(f: WoFilter, actor: Actor, paging: Paging): Promise<Page<WoItem & { reachedQty: Prisma.Decimal }>> {
  const db = prisma();
  const where = woConditions(f, actor);
  const { skip, take } = pageArgs(paging);
  // The count first: a few matches (STARTED, PAUSED, one MO's) are read through the filter's own
  // indexes and sorted; many (COMPLETED, PENDING) are found walking the MOs newest first, stopping
  // after the page (either plan alone is slow for the other case).
  const count = await countCapped(async (limit) => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM "WorkOrder" w WHERE ${where} LIMIT ${limit}) x`)[0]!.n, paging);
  const ids =
    !count.totalCapped && count.total <= FEW
      ? await db.$queryRaw<{ id: string }[]>`
          WITH x AS MATERIALIZED (SELECT w."id", w."moId", w."sequence" FROM "WorkOrder" w WHERE ${where})
          SELECT x."id" FROM x JOIN "ManufacturingOrder" m ON m."id" = x."moId"
          ORDER BY m."createdAt" DESC, x."sequence" ASC, x."id" ASC
          LIMIT ${take} OFFSET ${skip}`
      : await db.$queryRaw<{ id: string }[]>`
          SELECT w."id" FROM "ManufacturingOrder" m JOIN "WorkOrder" w ON w."moId" = m."id"
          WHERE ${where}
          ORDER BY m."createdAt" DESC, w."sequence" ASC, w."id" ASC
          LIMIT ${take} OFFSET ${skip}`;
  const found = await db.workOrder.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: woItemSelect });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((r) => byId.get(r.id)).filter((r) => r !== undefined);
  return { items: await withReached(db, rows.map(toWoItem)), ...count, page: paging.page, pageSize: paging.pageSize };
}

/** Lists work orders by status(es), MO, assignee or `mine`; an operator only ever gets their own. */
export async function listWos(q: ListWosQuery, actor: Actor): Promise<Page<WoItem>> {
  // `mine` and `assignedToId` together: both must hold (as the Prisma AND did).
  if (q.mine && q.assignedToId && q.assignedToId !== actor.id) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  return pageWos({ status: q.status, moId: q.moId, assignedToId: q.mine ? actor.id : q.assignedToId }, actor, q);
}

/** One MO's work orders in sequence (an operator: only theirs; 404 when the MO is not visible to them). */
export async function listMoWos(moId: string, q: Paging & { status?: WorkStatus[] }, actor: Actor): Promise<Page<WoItem>> {
  const mo = await prisma().manufacturingOrder.findFirst({ where: { AND: [{ id: moId }, visibleMos(actor)] }, select: { id: true } });
  if (!mo) throw notFound("Manufacturing order");
  return pageWos({ moId, status: q.status }, actor, q);
}

const detailSelect = {
  ...woItemSelect,
  instructions: true,
  mo: {
    select: {
      id: true,
      orderNo: true,
      name: true,
      state: true,
      quantity: true,
      producedQty: true,
      priority: true,
      deadline: true,
      bomSnapshot: true,
      product: { select: { id: true, sku: true, name: true, uom: true } },
    },
  },
  timeLogs: { select: { id: true, userId: true, startedAt: true, endedAt: true, user: { select: { id: true, name: true } } }, orderBy: { startedAt: "asc" } },
  comments: { select: { id: true, content: true, kind: true, createdAt: true, author: { select: { id: true, name: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.WorkOrderSelect;

/**
 * A work order with its MO summary and product, the parts it needs (MO snapshot × quantity), time
 * logs and comments. `ref` is an id or a code; an operator gets 404 for a WO not assigned to them.
 */
export async function getWoDetail(ref: string, actor: Actor, db: Tx = prisma()) {
  const wo = await db.workOrder.findFirst({ where: { AND: [woWhere(ref), visibleWos(actor)] }, select: detailSelect });
  if (!wo) throw notFound("Work order");
  const [item] = await withReached(db, [toWoItem(wo)]);
  const { mo, ...rest } = item!;
  const { bomSnapshot, product, ...moSummary } = mo;
  const parts = readSnapshot(bomSnapshot).map((l) => ({
    materialId: l.materialId,
    sku: l.sku,
    name: l.name,
    uom: l.uom,
    qtyPerUnit: Number(l.qtyPerUnit),
    required: lineQty(l, mo.quantity),
  }));
  return { ...rest, mo: moSummary, product, parts };
}
export type WoDetail = Awaited<ReturnType<typeof getWoDetail>>;
