// Backorders (docs/domain.md "Partial completion and backorders"): an MO closed short can plan the
// rest as a new MO linked to it. Runs in the completing transaction, under the first MO's lock,
// after its DONE update won: so it happens once; the unique index on backorderOfId is the backstop.
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { DomainEvent } from "../realtime/events";
import { moEvent, woEvent } from "./events";
import { plannedMinutes, takeBom } from "./snapshot";

/**
 * A new PLANNED MO for `remainder` units of the first MO's product, with its priority, deadline,
 * customer fields, name and BOM snapshot (what was promised stays what is built), and one PENDING
 * work order per operation of the product's routing now (as a new MO gets).
 */
export async function createBackorder(tx: Tx, firstId: string, remainder: Prisma.Decimal, actor: Actor): Promise<{ id: string; events: DomainEvent[] }> {
  const first = await tx.manufacturingOrder.findUniqueOrThrow({
    where: { id: firstId },
    select: {
      id: true,
      orderNo: true,
      name: true,
      productId: true,
      priority: true,
      deadline: true,
      customerName: true,
      customerRef: true,
      promisedDate: true,
      notes: true,
      bomSnapshot: true,
      sourceLocationId: true,
      destLocationId: true,
    },
  });
  const { operations } = await takeBom(tx, first.productId);
  const mo = await tx.manufacturingOrder.create({
    data: {
      name: first.name,
      productId: first.productId,
      quantity: remainder,
      priority: first.priority,
      deadline: first.deadline,
      customerName: first.customerName,
      customerRef: first.customerRef,
      promisedDate: first.promisedDate,
      notes: first.notes,
      bomSnapshot: first.bomSnapshot as Prisma.InputJsonArray,
      // The rest is made where the first part was.
      sourceLocationId: first.sourceLocationId,
      destLocationId: first.destLocationId,
      backorderOfId: first.id,
      createdById: actor.id,
      workOrders: {
        create: operations.map((op) => ({
          sequence: op.sequence,
          title: op.title,
          workCenterId: op.workCenterId,
          plannedMin: plannedMinutes(op.minutesPerUnit, remainder),
          instructions: op.instructions,
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
    payload: { orderNo: mo.orderNo, productId: first.productId, quantity: remainder.toString(), workOrders: mo.workOrders.length, backorderOf: first.orderNo },
  });
  return { id: mo.id, events: [moEvent("mo:created", mo), ...mo.workOrders.map((w) => woEvent("wo:created", w))] };
}
