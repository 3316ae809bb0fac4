// Use case: stock written off as scrap (POST /api/stock/scrap).
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { prisma, type Tx } from "../db/client";
import { notFound } from "../errors";
import { assertWholeQuantities } from "../products/units";
import type { Outcome } from "../realtime/events";
import { ledgerEntrySelect } from "../stock/list-ledger";
import type { ScrapInput } from "../stock/schemas";
import { resolveKey } from "../lots/lots";
import { postAndAlert } from "./alerts";
import type { MovementResult } from "./movement";
import { withStockTx } from "./tx";

/**
 * Scrap: a SCRAP entry taking `quantity` out of stock with its reason; `moId` (the order the scrap
 * happened on, when it did) becomes the entry's sourceId. Refused like any posting (409
 * INSUFFICIENT_STOCK, nothing written) when it would take the balance below zero. Archived products
 * may be scrapped: writing off what is left of a retired product is exactly what scrap is for.
 */
export async function scrapStock(input: ScrapInput, actor: Actor): Promise<Outcome<MovementResult>> {
  await assertWholeQuantities(prisma(), [{ path: ["quantity"], productId: input.productId, quantity: input.quantity }]);
  const { id, events } = await withStockTx(async (tx: Tx) => {
    const product = await tx.product.findUnique({ where: { id: input.productId }, select: { id: true, sku: true, tracking: true } });
    if (!product) throw notFound("Product");
    const key = await resolveKey(tx, product, input.locationId, input.lotId);
    const mo = input.moId ? await tx.manufacturingOrder.findUnique({ where: { id: input.moId }, select: { id: true, orderNo: true } }) : null;
    if (input.moId && !mo) throw notFound("Manufacturing order");
    const posted = await postAndAlert(tx, {
      lines: [{ productId: product.id, ...key, change: -input.quantity }],
      sourceType: "SCRAP",
      sourceId: mo?.id ?? null,
      note: input.note ?? null,
      scrapReason: input.reason,
      actorId: actor.id,
    });
    const entry = posted.entries[0]!; // quantity > 0 (validated), so exactly one entry
    await writeAudit(tx, {
      actorId: actor.id,
      action: "stock.scrap",
      entityType: "StockEntry",
      entityId: entry.id.toString(),
      payload: {
        productId: product.id,
        sku: product.sku,
        change: -input.quantity,
        balanceAfter: entry.balanceAfter.toNumber(),
        reason: input.reason,
        locationId: key.locationId,
        lotId: key.lotId,
        moId: mo?.id ?? null,
        orderNo: mo?.orderNo ?? null,
        note: input.note ?? null,
      },
    });
    return { id: entry.id, events: posted.events };
  });
  // Read back after the commit, as recordMovement does: the ledger is append-only.
  const entry = await prisma().stockEntry.findUniqueOrThrow({ where: { id }, select: ledgerEntrySelect });
  return { result: { entry, onHand: entry.balanceAfter }, events };
}
