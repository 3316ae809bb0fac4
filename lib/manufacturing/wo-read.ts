// Reading work orders: lists (all, or one MO's) and the detail a tablet shows, by id or by code.
import type { Actor } from "../auth/permissions";
import { prisma, type Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { WorkStatus } from "../db/generated/enums";
import { notFound } from "../errors";
import { pageArgs, type Page, type Paging } from "../validation/paging";
import type { ListWosQuery } from "./schemas";
import { withReached } from "./quantities";
import { visibleMos, visibleWos } from "./scope";
import { lineQty, readSnapshot } from "./snapshot";
import { toWoItem, woItemSelect, type WoItem } from "./views";

/** The where clause for a WO given by id or by its code (WO-000003, already upper-cased). */
export function woWhere(ref: string): Prisma.WorkOrderWhereInput {
  return ref.startsWith("WO-") ? { code: ref } : { id: ref };
}

async function pageWos(where: Prisma.WorkOrderWhereInput, paging: Paging): Promise<Page<WoItem & { reachedQty: Prisma.Decimal }>> {
  const db = prisma();
  const [rows, total] = await Promise.all([
    db.workOrder.findMany({ where, select: woItemSelect, orderBy: [{ mo: { createdAt: "desc" } }, { sequence: "asc" }, { id: "asc" }], ...pageArgs(paging) }),
    db.workOrder.count({ where }),
  ]);
  return { items: await withReached(db, rows.map(toWoItem)), total, page: paging.page, pageSize: paging.pageSize };
}

/** Lists work orders by status(es), MO, assignee or `mine`; an operator only ever gets their own. */
export async function listWos(q: ListWosQuery, actor: Actor): Promise<Page<WoItem>> {
  return pageWos(
    {
      AND: [
        visibleWos(actor),
        q.status ? { status: { in: q.status } } : {},
        q.mine ? { assignedToId: actor.id } : {},
        q.moId ? { moId: q.moId } : {},
        q.assignedToId ? { assignedToId: q.assignedToId } : {},
      ],
    },
    q,
  );
}

/** One MO's work orders in sequence (an operator: only theirs; 404 when the MO is not visible to them). */
export async function listMoWos(moId: string, q: Paging & { status?: WorkStatus[] }, actor: Actor): Promise<Page<WoItem>> {
  const mo = await prisma().manufacturingOrder.findFirst({ where: { AND: [{ id: moId }, visibleMos(actor)] }, select: { id: true } });
  if (!mo) throw notFound("Manufacturing order");
  return pageWos({ AND: [{ moId }, visibleWos(actor), q.status ? { status: { in: q.status } } : {}] }, q);
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
