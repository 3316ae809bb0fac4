import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import type { Prisma } from "../db/generated/client";
import { withTx } from "../db/tx";
import { assertWholeQuantities } from "../products/units";
import type { Outcome } from "../realtime/events";
import { moEvent, woEvent } from "./events";
import { getMoDetail, type MoDetail } from "./mo-read";
import type { CreateMoInput } from "./schemas";
import { manufacturableProduct, plannedMinutes, takeBom } from "./snapshot";

/**
 * Creates an MO for a product: its order number comes from the database sequence, its BOM snapshot
 * from the product's BOM now, and one PENDING work order per BOM operation — all in one transaction.
 */
export async function createMo(input: CreateMoInput, actor: Actor): Promise<Outcome<MoDetail>> {
  return withTx(async (tx) => {
    const product = await manufacturableProduct(tx, input.productId);
    await assertWholeQuantities(tx, [{ path: ["quantity"], productId: product.id, quantity: input.quantity }]);
    const bom = await takeBom(tx, product.id);
    const mo = await tx.manufacturingOrder.create({
      data: {
        name: input.name,
        productId: product.id,
        quantity: input.quantity,
        deadline: input.deadline ?? null,
        priority: input.priority ?? "NORMAL",
        customerName: input.customerName ?? null,
        customerRef: input.customerRef ?? null,
        promisedDate: input.promisedDate ?? null,
        notes: input.notes ?? null,
        bomSnapshot: bom.snapshot as Prisma.InputJsonArray,
        createdById: actor.id,
        workOrders: {
          create: bom.operations.map((op) => ({
            sequence: op.sequence,
            title: op.title,
            workCenterId: op.workCenterId,
            plannedMin: plannedMinutes(op.minutesPerUnit, input.quantity),
          })),
        },
      },
      select: { id: true, orderNo: true, state: true, workOrders: { select: { id: true, status: true, moId: true } } },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "mo.create",
      entityType: "ManufacturingOrder",
      entityId: mo.id,
      payload: { orderNo: mo.orderNo, productId: product.id, sku: product.sku, quantity: input.quantity, workOrders: mo.workOrders.length },
    });
    return {
      result: await getMoDetail(mo.id, actor, tx),
      events: [moEvent("mo:created", mo), ...mo.workOrders.map((w) => woEvent("wo:created", w))],
    };
  });
}
