// Use case: stock written off as scrap (POST /api/stock/scrap).
import type { Actor } from "../auth/permissions";
import { prisma, type Tx } from "../db/client";
import { notFound } from "../errors";
import { assertWholeQuantities } from "../products/units";
import type { Outcome } from "../realtime/events";
import type { ScrapInput } from "../stock/schemas";
import { resolveKey } from "../lots/lots";
import { postAndAlert } from "./alerts";
import { ledgerLine, type MovementResult } from "./movement";
import { withStockTx } from "./tx";

/**
 * Scrap: a SCRAP entry taking `quantity` out of stock with its reason; `moId` (the order the scrap
 * happened on, when it did) becomes the entry's sourceId. Refused like any posting (409
 * INSUFFICIENT_STOCK, nothing written) when it would take the balance below zero. Archived products
 * may be scrapped: writing off what is left of a retired product is exactly what scrap is for.
 */
export async function scrapStock(input: ScrapInput, actor: Actor & { name: string }): Promise<Outcome<MovementResult>> {
  await assertWholeQuantities(prisma(), [{ path: ["quantity"], productId: input.productId, quantity: input.quantity }]);
  // The posting writes the audit row and answers the ledger line (recordMovement's way): no read-back.
  return withStockTx(async (tx: Tx) => {
    const product = await tx.product.findUnique({ where: { id: input.productId }, select: { id: true, sku: true, name: true, uom: true, tracking: true } });
    if (!product) throw notFound("Product");
    const key = await resolveKey(tx, product, input.locationId, input.lotId);
    const mo = input.moId ? await tx.manufacturingOrder.findUnique({ where: { id: input.moId }, select: { id: true, orderNo: true } }) : null;
    if (input.moId && !mo) throw notFound("Manufacturing order");
    const posting = { sourceType: "SCRAP" as const, sourceId: mo?.id ?? null, note: input.note ?? null, scrapReason: input.reason };
    const posted = await postAndAlert(tx, {
      lines: [{ productId: product.id, ...key, change: -input.quantity }],
      ...posting,
      actorId: actor.id,
      auditEach: { action: "stock.scrap", payload: { reason: input.reason, moId: mo?.id ?? null, orderNo: mo?.orderNo ?? null, note: input.note ?? null } },
    });
    const entry = ledgerLine(posted.entries[0]!, posting, product, actor); // quantity > 0 (validated), so exactly one entry
    return { result: { entry, onHand: entry.balanceAfter }, events: posted.events };
  });
}
