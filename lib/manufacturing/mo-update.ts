import { can, type Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { withTx } from "../db/tx";
import { forbidden, invalidState } from "../errors";
import { toJson } from "../http/serialize";
import { assertWholeQuantities } from "../products/units";
import type { DomainEvent, Outcome } from "../realtime/events";
import { diff } from "./diff";
import { moEvent, woEvent } from "./events";
import { lockMo } from "./lock";
import { checkMoLocations } from "./mo-locations";
import { getMoDetail, type MoDetail } from "./mo-read";
import { CUSTOMER_FIELDS, type UpdateMoInput } from "./schemas";
import { manufacturableProduct, plannedMinutes, takeBom } from "./snapshot";
import { isClosed, moCanReshape } from "./states";

/**
 * Edits an MO. Without mo:write (SALES) only the customer fields may be sent (403 otherwise).
 * Product and quantity change only while PLANNED, and re-take the BOM snapshot and the planned
 * minutes of the PENDING work orders that came from the BOM's operations. DONE/CANCELED: 409.
 * Sending values equal to the current ones changes nothing and writes nothing.
 */
export async function updateMo(id: string, input: UpdateMoInput, actor: Actor): Promise<Outcome<MoDetail>> {
  const restricted = Object.keys(input).filter((k) => !(CUSTOMER_FIELDS as readonly string[]).includes(k));
  if (restricted.length && !can(actor, "mo:write")) {
    throw forbidden(`You may change only the customer fields (${CUSTOMER_FIELDS.join(", ")}), not ${restricted.join(", ")}.`);
  }
  return withTx(async (tx) => {
    await lockMo(tx, id);
    const mo = await tx.manufacturingOrder.findUniqueOrThrow({ where: { id } });
    if (isClosed(mo.state)) throw invalidState(`${mo.orderNo} is ${mo.state}: it can no longer be changed.`);

    const changes = diff(mo, input);
    const reshapes = "productId" in changes || "quantity" in changes;
    if (reshapes && !moCanReshape(mo.state)) {
      throw invalidState(`${mo.orderNo} is ${mo.state}: product and quantity can change only while PLANNED.`, { state: mo.state });
    }
    if (!Object.keys(changes).length) return { result: await getMoDetail(id, actor, tx), events: [] };

    const moves = "sourceLocationId" in changes || "destLocationId" in changes;
    if (moves && mo.state !== "PLANNED") {
      throw invalidState(`${mo.orderNo} is ${mo.state}: its source and destination locations can change only while PLANNED.`, { state: mo.state });
    }
    if (moves) await checkMoLocations(tx, { sourceLocationId: changes.sourceLocationId === undefined ? undefined : input.sourceLocationId, destLocationId: changes.destLocationId === undefined ? undefined : input.destLocationId });
    const data: Prisma.ManufacturingOrderUpdateInput = {};
    for (const k of Object.keys(changes) as (keyof UpdateMoInput)[]) {
      if (k === "sourceLocationId") data.sourceLocation = input.sourceLocationId ? { connect: { id: input.sourceLocationId } } : { disconnect: true };
      else if (k === "destLocationId") data.destLocation = input.destLocationId ? { connect: { id: input.destLocationId } } : { disconnect: true };
      else if (k !== "productId") Object.assign(data, { [k]: input[k] });
    }
    const events: DomainEvent[] = [];
    if (reshapes) {
      const productId = input.productId ?? mo.productId;
      if ("productId" in changes) {
        await manufacturableProduct(tx, productId);
        data.product = { connect: { id: productId } };
      }
      await assertWholeQuantities(tx, [{ path: ["quantity"], productId, quantity: input.quantity ?? mo.quantity }]);
      const bom = await takeBom(tx, productId);
      data.bomSnapshot = bom.snapshot as Prisma.InputJsonArray;
      events.push(...(await replanOperations(tx, id, bom.operations, input.quantity ?? mo.quantity)));
    }
    const updated = await tx.manufacturingOrder.update({ where: { id }, data, select: { id: true, state: true } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "mo.update",
      entityType: "ManufacturingOrder",
      entityId: id,
      payload: toJson(changes) as Prisma.InputJsonObject,
    });
    return { result: await getMoDetail(id, actor, tx), events: [moEvent("mo:updated", updated), ...events] };
  });
}

/**
 * Planned minutes of the PENDING work orders made from the product's operations, for a new quantity.
 * A WO counts as made from an operation when its sequence and title match one (the schema keeps no
 * link); WOs added by hand keep the minutes the planner gave them.
 */
async function replanOperations(
  tx: Tx,
  moId: string,
  operations: { sequence: number; title: string; minutesPerUnit: Prisma.Decimal | null }[],
  quantity: Prisma.Decimal | number,
): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  const pending = await tx.workOrder.findMany({ where: { moId, status: "PENDING" }, select: { id: true, sequence: true, title: true, plannedMin: true } });
  for (const wo of pending) {
    const op = operations.find((o) => o.sequence === wo.sequence && o.title === wo.title);
    if (!op) continue;
    const plannedMin = plannedMinutes(op.minutesPerUnit, quantity);
    if (plannedMin === wo.plannedMin || (plannedMin && wo.plannedMin && plannedMin.equals(wo.plannedMin))) continue;
    const updated = await tx.workOrder.update({ where: { id: wo.id }, data: { plannedMin }, select: { id: true, status: true, moId: true } });
    events.push(woEvent("wo:updated", updated));
  }
  return events;
}
