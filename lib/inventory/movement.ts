// One person's stock movement as a use case: the ledger posting (lib/stock), its audit row and the
// alerts it raises, in one transaction.
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { prisma, type Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { StockSourceType } from "../db/generated/enums";
import { invalidState, notFound } from "../errors";
import type { Outcome } from "../realtime/events";
import { ledgerEntrySelect, type LedgerEntry } from "../stock/list-ledger";
import { resolveKey } from "../lots/lots";
import { postAndAlert } from "./alerts";
import { withStockTx } from "./tx";

export interface MovementResult {
  entry: LedgerEntry;
  /** The product's balance after this movement (= entry.balanceAfter). */
  onHand: Prisma.Decimal;
}

export interface MovementInput {
  productId: string;
  change: number;
  /** Cost per unit of inbound goods (a receipt's price); moves the moving average (lib/stock/valuation.ts). */
  unitCost?: number;
  /** Where (default STOCK) and which lot: required for tracked products, refused for untracked (lib/lots). */
  locationId?: string;
  lotId?: string;
  sourceType: StockSourceType;
  sourceId?: string;
  note?: string;
  /** Refuse when the product is archived (receiving goods for a retired product is a mistake). */
  refuseArchived?: boolean;
  audit: { action: string; payload: Prisma.InputJsonObject };
}

/**
 * One person's single-product stock movement: posting, audit row and events in one transaction.
 * The entry is read back for the response after the commit: the ledger is append-only, so nothing
 * can have changed it, and the product's row lock is not held for that extra round trip.
 */
export async function recordMovement(input: MovementInput, actor: Actor): Promise<Outcome<MovementResult>> {
  const { id, events } = await withStockTx(async (tx: Tx) => {
    const product = await tx.product.findUnique({ where: { id: input.productId }, select: { id: true, sku: true, archivedAt: true, tracking: true } });
    if (!product) throw notFound("Product");
    if (input.refuseArchived && product.archivedAt) throw invalidState(`${product.sku} is archived: restore it before receiving stock.`);
    const key = await resolveKey(tx, product, input.locationId, input.lotId);
    const posted = await postAndAlert(tx, {
      lines: [{ productId: product.id, ...key, change: input.change, unitCost: input.unitCost }],
      sourceType: input.sourceType,
      sourceId: input.sourceId ?? null,
      note: input.note ?? null,
      actorId: actor.id,
    });
    const entry = posted.entries[0]!; // change ≠ 0 (validated), so exactly one entry
    await writeAudit(tx, {
      actorId: actor.id,
      action: input.audit.action,
      entityType: "StockEntry",
      entityId: entry.id.toString(),
      payload: { productId: product.id, sku: product.sku, change: input.change, balanceAfter: entry.balanceAfter.toNumber(), locationId: key.locationId, lotId: key.lotId, ...input.audit.payload },
    });
    return { id: entry.id, events: posted.events };
  });
  const entry = await prisma().stockEntry.findUniqueOrThrow({ where: { id }, select: ledgerEntrySelect });
  return { result: { entry, onHand: entry.balanceAfter }, events };
}
