import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { Prisma } from "../db/generated/client";
import { withTx } from "../db/tx";
import { assertWholeQuantities } from "../products/units";
import type { Outcome } from "../realtime/events";
import { insertMo, planChildOrders, shortfalls, type NewMo } from "./child-orders";
import { getMoDetail, type MoDetail } from "./mo-read";
import type { CreateMoInput } from "./schemas";
import { checkMoLocations } from "./mo-locations";
import { manufacturableProduct, takeBom } from "./snapshot";

/**
 * Creates an MO for a product: its order number comes from the database sequence, its BOM snapshot
 * from the product's BOM now, and one PENDING work order per BOM operation — and, by `childOrders`
 * (default "shortage"), the sub-assembly orders its components need (child-orders.ts) — all in one
 * transaction.
 */
export async function createMo(input: CreateMoInput, actor: Actor): Promise<Outcome<MoDetail>> {
  return withTx(async (tx) => {
    const product = await manufacturableProduct(tx, input.productId);
    await assertWholeQuantities(tx, [{ path: ["quantity"], productId: product.id, quantity: input.quantity }]);
    await checkMoLocations(tx, input);
    const mode = input.childOrders ?? "shortage";
    const draft: NewMo = {
      name: input.name,
      product,
      quantity: new Prisma.Decimal(input.quantity.toString()),
      deadline: input.deadline ?? null,
      priority: input.priority ?? "NORMAL",
      customerName: input.customerName ?? null,
      customerRef: input.customerRef ?? null,
      promisedDate: input.promisedDate ?? null,
      notes: input.notes ?? null,
      parentId: null,
      bom: await takeBom(tx, product.id),
      sourceLocationId: input.sourceLocationId ?? null,
      destLocationId: input.destLocationId ?? null,
    };
    // Ranked before the MO exists: once inserted it would count ahead of itself.
    const short = mode === "shortage" ? await shortfalls(tx, draft) : null;
    const mo = await insertMo(tx, draft, actor);
    const planned = await planChildOrders(tx, { ...draft, id: mo.id, orderNo: mo.orderNo }, short, mode, actor);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "mo.create",
      entityType: "ManufacturingOrder",
      entityId: mo.id,
      payload: {
        orderNo: mo.orderNo,
        productId: product.id,
        sku: product.sku,
        quantity: input.quantity,
        workOrders: mo.workOrders,
        childOrders: mode,
        ...(planned.children.length ? { children: planned.children.map((c) => c.orderNo) } : {}),
      },
    });
    return {
      result: await getMoDetail(mo.id, actor, tx),
      events: [...mo.events, ...planned.events],
    };
  });
}
