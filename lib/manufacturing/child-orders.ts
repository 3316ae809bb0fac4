// Sub-assembly child orders (DOMAIN-2 §1 "Sub-assemblies"): creating an MO also plans an MO for each
// component that has a BOM of its own, recursively to any depth, in the creating transaction. A child
// carries `parentId`, the parent's priority and deadline (never later than the parent's: the same one),
// and the parent's customer name and reference (whom the work is for); its promised date and notes stay
// empty (they are the parent's promise). Quantities: `shortage` orders what the parent's ranked
// availability says is short (availabilityForDraft, computed before the parent row exists so the
// parent is not counted ahead of itself), `all` the whole need; a counted unit rounds up to whole units,
// a measured one up to 4 decimals. Nothing short, nothing ordered. A child's output goes where its parent
// takes its materials from (the parent's sourceLocationId) when the parent names one, else to FG.
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Priority } from "../db/generated/enums";
import { badRequest, invalidState } from "../errors";
import { isCountedUnit } from "../products/units";
import type { DomainEvent } from "../realtime/events";
import { MAX_DECIMAL } from "../validation/numbers";
import { availabilityForDraft } from "./availability";
import { moEvent, woEvent } from "./events";
import { lineQty, plannedMinutes, takeBom, type BomTemplate } from "./snapshot";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

export const CHILD_ORDER_MODES = ["none", "shortage", "all"] as const;
export type ChildOrdersMode = (typeof CHILD_ORDER_MODES)[number];

/** One creation plans at most this many child orders (a runaway BOM is refused, 400, nothing written). */
export const MAX_CHILD_ORDERS = 500;

/** What an MO is created with: the columns the caller chose, its product and its BOM now. */
export interface NewMo {
  name: string;
  product: { id: string; sku: string };
  quantity: Decimal;
  priority: Priority;
  deadline: Date | null;
  customerName: string | null;
  customerRef: string | null;
  promisedDate: Date | null;
  notes: string | null;
  parentId: string | null;
  bom: BomTemplate;
  /** Where materials are taken from (null: picked, STOCK first) and output goes (null: FG). */
  sourceLocationId: string | null;
  destLocationId: string | null;
}

export interface InsertedMo {
  id: string;
  orderNo: string;
  events: DomainEvent[];
}

/** Inserts one MO with its snapshot and one PENDING work order per BOM operation (no audit: the caller writes it). */
export async function insertMo(tx: Tx, m: NewMo, actor: Actor): Promise<InsertedMo & { workOrders: number }> {
  const mo = await tx.manufacturingOrder.create({
    data: {
      name: m.name,
      productId: m.product.id,
      quantity: m.quantity,
      deadline: m.deadline,
      priority: m.priority,
      customerName: m.customerName,
      customerRef: m.customerRef,
      promisedDate: m.promisedDate,
      notes: m.notes,
      parentId: m.parentId,
      sourceLocationId: m.sourceLocationId,
      destLocationId: m.destLocationId,
      bomSnapshot: m.bom.snapshot as Prisma.InputJsonArray,
      createdById: actor.id,
      workOrders: {
        create: m.bom.operations.map((op) => ({
          sequence: op.sequence,
          title: op.title,
          workCenterId: op.workCenterId,
          plannedMin: plannedMinutes(op.minutesPerUnit, m.quantity),
          // Copied, not linked: later BOM edits do not change the instructions of orders already made.
          instructions: op.instructions,
        })),
      },
    },
    select: { id: true, orderNo: true, state: true, workOrders: { select: { id: true, status: true, moId: true } } },
  });
  return { id: mo.id, orderNo: mo.orderNo, workOrders: mo.workOrders.length, events: [moEvent("mo:created", mo), ...mo.workOrders.map((w) => woEvent("wo:created", w))] };
}

/**
 * What each snapshot component of a draft MO is short by, ranked as if the draft were created now.
 * Call it before the MO's row is inserted (afterwards the MO would be counted ahead of itself).
 */
export async function shortfalls(tx: Tx, m: Pick<NewMo, "product" | "quantity" | "priority" | "deadline" | "bom">): Promise<Map<string, Decimal>> {
  if (!m.bom.snapshot.length) return new Map();
  const availability = await availabilityForDraft(tx, {
    productId: m.product.id,
    quantity: m.quantity,
    priority: m.priority,
    deadline: m.deadline,
    components: m.bom.snapshot.map((l) => ({ productId: l.materialId, required: lineQty(l, m.quantity) })),
  });
  return new Map([...availability].map(([productId, a]) => [productId, new Decimal(a.shortBy.toString())]));
}

/** A child order planned by a creation, for the audit and the response. */
export interface PlannedChild {
  id: string;
  orderNo: string;
  parentId: string;
  productId: string;
  sku: string;
  quantity: Decimal;
}

interface Context {
  tx: Tx;
  actor: Actor;
  mode: Exclude<ChildOrdersMode, "none">;
  planned: PlannedChild[];
  events: DomainEvent[];
}

/** Rounds a child quantity up: whole units for a counted unit, 4 decimals otherwise. */
function roundUp(qty: Decimal, uom: string): Decimal {
  return isCountedUnit(uom) ? qty.toDecimalPlaces(0, Decimal.ROUND_UP) : qty.toDecimalPlaces(4, Decimal.ROUND_UP);
}

/**
 * Plans the child orders of an MO just inserted (`parent`), recursively. `short` is what the parent's
 * components are short by (from `shortfalls`, before the parent was inserted); ignored for `all`.
 * Returns every child planned (all levels, parents before their children) and their events.
 */
export async function planChildOrders(
  tx: Tx,
  parent: NewMo & { id: string; orderNo: string },
  short: Map<string, Decimal> | null,
  mode: ChildOrdersMode,
  actor: Actor,
): Promise<{ children: PlannedChild[]; events: DomainEvent[] }> {
  if (mode === "none") return { children: [], events: [] };
  const ctx: Context = { tx, actor, mode, planned: [], events: [] };
  await planLevel(ctx, parent, short, new Set([parent.product.id]));
  return { children: ctx.planned, events: ctx.events };
}

async function planLevel(ctx: Context, parent: NewMo & { id: string; orderNo: string }, short: Map<string, Decimal> | null, path: Set<string>): Promise<void> {
  const { tx } = ctx;
  const ids = parent.bom.snapshot.map((l) => l.materialId);
  if (!ids.length) return;
  // Components with a BOM of their own (components or operations) that are still made: sub-assemblies.
  const makeable = await tx.product.findMany({
    where: { id: { in: ids }, archivedAt: null, bom: { OR: [{ components: { some: {} } }, { operations: { some: {} } }] } },
    select: { id: true, sku: true, name: true, uom: true },
  });
  const byId = new Map(makeable.map((p) => [p.id, p]));
  for (const line of parent.bom.snapshot) {
    const product = byId.get(line.materialId);
    if (!product) continue;
    // BOM writes refuse cycles; this guards the recursion against a graph changed behind our back.
    if (path.has(product.id)) throw invalidState(`The BOM of ${product.sku} contains itself.`, { productId: product.id });
    const need = ctx.mode === "all" ? lineQty(line, parent.quantity) : (short?.get(product.id) ?? new Decimal(0));
    if (need.lte(0)) continue;
    const quantity = roundUp(need, product.uom);
    if (quantity.gte(MAX_DECIMAL)) throw badRequest(`quantity: the sub-assembly order for ${product.sku} would be too large.`, [{ path: "quantity", message: "too large" }]);
    if (ctx.planned.length >= MAX_CHILD_ORDERS) {
      throw badRequest(`childOrders: this would plan more than ${MAX_CHILD_ORDERS} sub-assembly orders.`, [{ path: "childOrders", message: "too many sub-assembly orders" }]);
    }
    const child: NewMo = {
      name: `${product.name} for ${parent.orderNo}`.slice(0, 200),
      product: { id: product.id, sku: product.sku },
      quantity,
      priority: parent.priority,
      deadline: parent.deadline,
      customerName: parent.customerName,
      customerRef: parent.customerRef,
      promisedDate: null,
      notes: null,
      parentId: parent.id,
      bom: await takeBom(tx, product.id),
      // The sub-assembly is delivered where its parent takes its materials from (when it names a place).
      sourceLocationId: null,
      destLocationId: parent.sourceLocationId,
    };
    const childShort = ctx.mode === "shortage" ? await shortfalls(tx, child) : null;
    const inserted = await insertMo(tx, child, ctx.actor);
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: "mo.create",
      entityType: "ManufacturingOrder",
      entityId: inserted.id,
      payload: {
        orderNo: inserted.orderNo,
        productId: product.id,
        sku: product.sku,
        quantity: quantity.toNumber(),
        workOrders: inserted.workOrders,
        parentId: parent.id,
        parentOrderNo: parent.orderNo,
        childOrders: ctx.mode,
      },
    });
    ctx.planned.push({ id: inserted.id, orderNo: inserted.orderNo, parentId: parent.id, productId: product.id, sku: product.sku, quantity });
    ctx.events.push(...inserted.events);
    await planLevel(ctx, { ...child, id: inserted.id, orderNo: inserted.orderNo }, childShort, new Set(path).add(product.id));
  }
}
