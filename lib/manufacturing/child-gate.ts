// The sub-assembly gate (DOMAIN-2 §1): a parent MO's work order cannot start while one of its child
// orders is open (PLANNED or IN_PROGRESS) and the component that child makes is short for the parent.
// "Short" is the parent's ranked availability (availability.ts): its `shortBy` for that component
// > 0, i.e. what the open MOs ranked before it leave on hand does not cover what it requires. A child
// that is DONE or CANCELED never blocks, and a component with enough available lets the parent start
// even while its child still runs (someone else made or received it). Called under the parent MO's
// row lock (wo-transitions start).
import type { Tx } from "../db/client";
import type { OrderState } from "../db/generated/enums";
import { invalidState } from "../errors";
import { availabilityOfMos } from "./availability";

/** Refuses (409 INVALID_STATE, naming the child order) to start a WO of `mo` while a needed child is open and short. */
export async function assertChildrenReady(tx: Tx, mo: { id: string; orderNo: string }): Promise<void> {
  // One statement (Prisma reads the product relation with a second one, even when no child is open).
  const open = await tx.$queryRaw<{ id: string; orderNo: string; state: OrderState; productId: string; sku: string }[]>`
    SELECT m."id", m."orderNo", m."state"::text AS "state", m."productId", p."sku"
    FROM "ManufacturingOrder" m JOIN "Product" p ON p."id" = m."productId"
    WHERE m."parentId" = ${mo.id} AND m."state" IN ('PLANNED', 'IN_PROGRESS')
    ORDER BY m."createdAt", m."orderNo"`;
  if (!open.length) return;
  const components = (await availabilityOfMos(tx, [mo.id])).get(mo.id)?.components ?? new Map();
  const blocking = open.flatMap((c) => {
    const a = components.get(c.productId);
    if (!a || !a.shortBy.greaterThan(0)) return [];
    return [{ id: c.id, orderNo: c.orderNo, state: c.state, productId: c.productId, sku: c.sku, required: a.required.toNumber(), onHand: a.onHand.toNumber(), allocatedAhead: a.allocatedAhead.toNumber(), available: a.available.toNumber(), shortBy: a.shortBy.toNumber() }];
  });
  if (!blocking.length) return;
  const first = blocking[0]!;
  throw invalidState(
    `${mo.orderNo} waits for its sub-assembly order ${first.orderNo} (${first.sku}, ${first.state}): ${first.shortBy} short. Finish it or receive the stock first.`,
    { moOrderNo: mo.orderNo, child: first, children: blocking },
  );
}
