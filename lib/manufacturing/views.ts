// What the API shows of MOs and WOs: Prisma selects plus the small derived fields (progress, late).
import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { OrderState } from "../db/generated/enums";

const person = { select: { id: true, name: true } } as const;

/** A work order as lists and transitions return it. */
export const woItemSelect = {
  id: true,
  code: true,
  moId: true,
  sequence: true,
  title: true,
  description: true,
  status: true,
  assignedToId: true,
  workCenterId: true,
  startTime: true,
  endTime: true,
  durationMin: true,
  plannedMin: true,
  goodQty: true,
  scrapQty: true,
  scrapReason: true,
  createdAt: true,
  updatedAt: true,
  assignedTo: person,
  workCenter: { select: { id: true, name: true } },
  mo: { select: { id: true, orderNo: true, name: true, state: true } },
} as const satisfies Prisma.WorkOrderSelect;
type WoRow = Prisma.WorkOrderGetPayload<{ select: typeof woItemSelect }>;
type Assignee = { assignee: WoRow["assignedTo"] };
export type WoItem = Omit<WoRow, "assignedTo"> & Assignee;

/** Renames Prisma's `assignedTo` relation to the API's `assignee`. */
export function toWoItem<T extends { assignedTo: WoRow["assignedTo"] }>(row: T): Omit<T, "assignedTo"> & Assignee {
  const { assignedTo, ...rest } = row;
  return { ...rest, assignee: assignedTo };
}

/** An MO as lists return it (without the snapshot; the detail shows requirements instead). */
export const moItemSelect = {
  id: true,
  orderNo: true,
  name: true,
  productId: true,
  quantity: true,
  producedQty: true,
  scrapQty: true,
  backorderOfId: true,
  sourceLocationId: true,
  destLocationId: true,
  state: true,
  priority: true,
  deadline: true,
  customerName: true,
  customerRef: true,
  promisedDate: true,
  notes: true,
  createdById: true,
  startedAt: true,
  completedAt: true,
  canceledAt: true,
  createdAt: true,
  updatedAt: true,
  product: { select: { id: true, sku: true, name: true, uom: true } },
} as const satisfies Prisma.ManufacturingOrderSelect;
export type MoRow = Prisma.ManufacturingOrderGetPayload<{ select: typeof moItemSelect }>;

export interface Progress {
  completed: number;
  total: number;
}

/** Completed / total work orders of each MO, in one query. */
export async function progressOf(db: Tx, moIds: string[]): Promise<Map<string, Progress>> {
  const out = new Map<string, Progress>(moIds.map((id) => [id, { completed: 0, total: 0 }]));
  if (!moIds.length) return out;
  const groups = await db.workOrder.groupBy({ by: ["moId", "status"], where: { moId: { in: moIds } }, _count: { _all: true } });
  for (const g of groups) {
    const p = out.get(g.moId)!;
    p.total += g._count._all;
    if (g.status === "COMPLETED") p.completed += g._count._all;
  }
  return out;
}

/** Past its deadline and still open. */
export function isLate(mo: { deadline: Date | null; state: OrderState }, now = new Date()): boolean {
  return mo.deadline !== null && mo.deadline < now && (mo.state === "PLANNED" || mo.state === "IN_PROGRESS");
}
