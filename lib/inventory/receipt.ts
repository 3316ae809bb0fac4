// Use case: goods received (POST /api/stock/receipts), into a location (default STOCK) and, for
// tracked products, into lots made on first receipt (docs/locations.md "Receipts").
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { prisma, type Tx } from "../db/client";
import { badRequest, conflict, invalidState, notFound } from "../errors";
import { DEFAULT_LOCATIONS } from "../locations/defaults";
import { findOrCreateLots } from "../lots/lots";
import { assertWholeQuantities } from "../products/units";
import type { Outcome } from "../realtime/events";
import { ledgerEntrySelect, type LedgerEntry } from "../stock/list-ledger";
import type { ReceiptInput } from "../stock/schemas";
import { postAndAlert } from "./alerts";
import type { MovementResult } from "./movement";
import { withStockTx } from "./tx";

export interface ReceiptResult extends MovementResult {
  /** Every entry of the receipt (one per lot; `entry` is the first). */
  entries: LedgerEntry[];
  lots: { id: string; code: string }[];
}

/**
 * Goods received: RECEIPT entries whose sourceId is the delivery reference (e.g. a PO or packing-slip
 * number), valued at its unitCost when given. Untracked products take no lot; LOT products need
 * `lotCode`; SERIAL products a `lotCode` with quantity 1 or `serials` (one lot each, none of which may
 * already hold stock).
 */
export async function receiveStock(input: ReceiptInput, actor: Actor): Promise<Outcome<ReceiptResult>> {
  await assertWholeQuantities(prisma(), [{ path: ["quantity"], productId: input.productId, quantity: input.quantity }]);
  const { ids, lots, events } = await withStockTx(async (tx: Tx) => {
    const product = await tx.product.findUnique({ where: { id: input.productId }, select: { id: true, sku: true, archivedAt: true, tracking: true } });
    if (!product) throw notFound("Product");
    if (product.archivedAt) throw invalidState(`${product.sku} is archived: restore it before receiving stock.`);
    const codes = lotCodes(product.tracking, input);
    const lots = codes.length ? await findOrCreateLots(tx, product.id, codes, input.expiresAt ?? null) : [];
    if (product.tracking === "SERIAL") {
      const held = await tx.stockBalance.findMany({ where: { lotId: { in: lots.map((l) => l.id) }, onHand: { not: 0 } }, select: { lot: { select: { code: true } } } });
      if (held.length) throw conflict(`Serial ${held.map((h) => h.lot!.code).join(", ")} is already in stock.`);
    }
    const locationId = input.locationId ?? DEFAULT_LOCATIONS.STOCK;
    const perLot = product.tracking === "SERIAL" ? 1 : input.quantity;
    const lines = lots.length
      ? lots.map((l) => ({ productId: product.id, locationId, lotId: l.id, change: perLot, unitCost: input.unitCost }))
      : [{ productId: product.id, locationId, lotId: null, change: input.quantity, unitCost: input.unitCost }];
    const posted = await postAndAlert(tx, { lines, sourceType: "RECEIPT", sourceId: input.reference ?? null, note: input.note ?? null, actorId: actor.id });
    const first = posted.entries[0]!;
    await writeAudit(tx, {
      actorId: actor.id,
      action: "stock.receipt",
      entityType: "StockEntry",
      entityId: first.id.toString(),
      payload: {
        productId: product.id,
        sku: product.sku,
        change: input.quantity,
        balanceAfter: posted.entries[posted.entries.length - 1]!.balanceAfter.toNumber(),
        locationId,
        lots: lots.map((l) => l.code),
        reference: input.reference ?? null,
        unitCost: input.unitCost ?? null,
        note: input.note ?? null,
      },
    });
    return { ids: posted.entries.map((e) => e.id), lots, events: posted.events };
  });
  // Read back after the commit, as recordMovement does: the ledger is append-only.
  const entries = await prisma().stockEntry.findMany({ where: { id: { in: ids } }, select: ledgerEntrySelect, orderBy: { id: "asc" } });
  const last = entries[entries.length - 1]!;
  return { result: { entry: entries[0]!, entries, lots, onHand: last.balanceAfter }, events };
}

function lotCodes(tracking: string, input: ReceiptInput): string[] {
  if (tracking === "NONE") {
    if (input.lotCode || input.serials) throw badRequest("This product is not tracked by lot.", { fieldErrors: { [input.lotCode ? "lotCode" : "serials"]: ["must be left out for an untracked product"] } });
    return [];
  }
  if (tracking === "LOT") {
    if (input.serials) throw badRequest("This product is tracked by lot, not serial.", { fieldErrors: { serials: ["must be left out for a lot-tracked product (send lotCode)"] } });
    if (!input.lotCode) throw badRequest("This product is tracked by lot: give the lot code.", { fieldErrors: { lotCode: ["is required for a lot-tracked product"] } });
    return [input.lotCode];
  }
  if (input.serials) return input.serials;
  if (!input.lotCode) throw badRequest("This product is tracked by serial: list the serials.", { fieldErrors: { serials: ["is required for a serial-tracked product"] } });
  if (input.quantity !== 1) throw badRequest("One serial is one unit.", { fieldErrors: { quantity: ["must be 1 for a single serial (or send serials)"] } });
  return [input.lotCode];
}
