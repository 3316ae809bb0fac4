// Use case: stock moved between locations (POST /api/stock/transfers): a TRANSFER_OUT at the source and
// a TRANSFER_IN at the destination in one transaction, sharing one transfer id as sourceId. Refused
// (409, nothing written) when the source (product, location, lot) would go negative.
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { prisma, type Tx } from "../db/client";
import { notFound } from "../errors";
import { resolveKey } from "../lots/lots";
import { assertWholeQuantities } from "../products/units";
import type { Outcome } from "../realtime/events";
import { ledgerEntrySelect, type LedgerEntry } from "../stock/list-ledger";
import type { TransferInput } from "../stock/schemas";
import { postAndAlert } from "./alerts";
import { withStockTx } from "./tx";

export interface TransferResult {
  transferId: string;
  out: LedgerEntry;
  in: LedgerEntry;
}

export async function transferStock(input: TransferInput, actor: Actor): Promise<Outcome<TransferResult>> {
  await assertWholeQuantities(prisma(), [{ path: ["quantity"], productId: input.productId, quantity: input.quantity }]);
  const transferId = randomUUID();
  const { ids, events } = await withStockTx(async (tx: Tx) => {
    const product = await tx.product.findUnique({ where: { id: input.productId }, select: { id: true, sku: true, tracking: true } });
    if (!product) throw notFound("Product");
    const from = await resolveKey(tx, product, input.fromLocationId, input.lotId);
    const common = { sourceId: transferId, note: input.note ?? null, actorId: actor.id };
    // Two postings (one source type each) under the product's level lock, taken by the first: the
    // destination's balance is locked after the source's, both after the level (docs/locations.md).
    const out = await postAndAlert(tx, { ...common, sourceType: "TRANSFER_OUT", lines: [{ productId: product.id, locationId: from.locationId, lotId: from.lotId, change: -input.quantity }] });
    const into = await postAndAlert(tx, { ...common, sourceType: "TRANSFER_IN", lines: [{ productId: product.id, locationId: input.toLocationId, lotId: from.lotId, change: input.quantity }] });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "stock.transfer",
      entityType: "StockEntry",
      entityId: out.entries[0]!.id.toString(),
      payload: { transferId, productId: product.id, sku: product.sku, quantity: input.quantity, fromLocationId: input.fromLocationId, toLocationId: input.toLocationId, lotId: from.lotId, note: input.note ?? null },
    });
    return { ids: [out.entries[0]!.id, into.entries[0]!.id], events: [...out.events, ...into.events] };
  });
  const [o, i] = await Promise.all(ids.map((id) => prisma().stockEntry.findUniqueOrThrow({ where: { id }, select: ledgerEntrySelect })));
  return { result: { transferId, out: o!, in: i! }, events };
}
