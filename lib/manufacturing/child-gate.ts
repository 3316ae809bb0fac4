// The sub-assembly gate (DOMAIN-2 §1): a parent MO's work order cannot start while one of its child
// orders is open (PLANNED or IN_PROGRESS) and the component that child makes is short for the parent.
// "Short" here is on-hand below what the parent requires of it (snapshot × quantity): the parent's
// own need against the stock there is, not its ranked share. A child that is DONE or CANCELED never
// blocks, and a component with enough stock lets the parent start even while its child still runs
// (someone else made or received it). Called under the parent MO's row lock (wo-transitions start).
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { invalidState } from "../errors";
import { lineQty, readSnapshot } from "./snapshot";

const Decimal = Prisma.Decimal;

/** Refuses (409 INVALID_STATE, naming the child order) to start a WO of `mo` while a needed child is open and short. */
export async function assertChildrenReady(tx: Tx, mo: { id: string; orderNo: string; quantity: Prisma.Decimal; bomSnapshot: unknown }): Promise<void> {
  const open = await tx.manufacturingOrder.findMany({
    where: { parentId: mo.id, state: { in: ["PLANNED", "IN_PROGRESS"] } },
    select: { id: true, orderNo: true, state: true, productId: true, product: { select: { sku: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { orderNo: "asc" }],
  });
  if (!open.length) return;
  const required = new Map<string, Prisma.Decimal>();
  for (const line of readSnapshot(mo.bomSnapshot)) required.set(line.materialId, (required.get(line.materialId) ?? new Decimal(0)).plus(lineQty(line, mo.quantity)));
  const levels = await tx.stockLevel.findMany({ where: { productId: { in: open.map((c) => c.productId) } }, select: { productId: true, onHand: true } });
  const onHand = new Map(levels.map((l) => [l.productId, new Decimal(l.onHand.toString())]));
  const blocking = open.flatMap((c) => {
    const need = required.get(c.productId);
    const have = onHand.get(c.productId) ?? new Decimal(0);
    if (!need || !need.greaterThan(have)) return [];
    return [{ id: c.id, orderNo: c.orderNo, state: c.state, productId: c.productId, sku: c.product.sku, required: need.toNumber(), onHand: have.toNumber(), shortBy: need.minus(have).toNumber() }];
  });
  if (!blocking.length) return;
  const first = blocking[0]!;
  throw invalidState(
    `${mo.orderNo} waits for its sub-assembly order ${first.orderNo} (${first.sku}, ${first.state}): ${first.shortBy} short. Finish it or receive the stock first.`,
    { moOrderNo: mo.orderNo, child: first, children: blocking },
  );
}
