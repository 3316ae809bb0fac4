// One person's stock movement as a use case: the ledger posting (lib/stock), its audit row and the
// alerts it raises, in one transaction.
import type { Actor } from "../auth/permissions";
import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { ScrapReason, StockSourceType } from "../db/generated/enums";
import { invalidState, notFound } from "../errors";
import type { Outcome } from "../realtime/events";
import type { LedgerEntry } from "../stock/list-ledger";
import { resolveKey } from "../lots/lots";
import type { PostedEntry } from "../stock/post";
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
 * One person's single-product stock movement: posting, audit row and events in one transaction. The
 * posting's own statement writes the audit row and answers the ledger line (with its location's and
 * lot's codes); the product and the person are known already: no read-back after the commit, and no
 * round trip of the audit row's own while the product's rows are locked.
 */
export async function recordMovement(input: MovementInput, actor: Actor & { name: string }): Promise<Outcome<MovementResult>> {
  return withStockTx(async (tx: Tx) => {
    const product = await tx.product.findUnique({ where: { id: input.productId }, select: { id: true, sku: true, name: true, uom: true, archivedAt: true, tracking: true } });
    if (!product) throw notFound("Product");
    if (input.refuseArchived && product.archivedAt) throw invalidState(`${product.sku} is archived: restore it before receiving stock.`);
    const key = await resolveKey(tx, product, input.locationId, input.lotId);
    const posted = await postAndAlert(tx, {
      lines: [{ productId: product.id, ...key, change: input.change, unitCost: input.unitCost }],
      sourceType: input.sourceType,
      sourceId: input.sourceId ?? null,
      note: input.note ?? null,
      actorId: actor.id,
      auditEach: { action: input.audit.action, payload: input.audit.payload },
    });
    const entry = ledgerLine(posted.entries[0]!, { sourceType: input.sourceType, sourceId: input.sourceId, note: input.note }, product, actor); // change ≠ 0 (validated), so exactly one entry
    return { result: { entry, onHand: entry.balanceAfter }, events: posted.events };
  });
}

/**
 * A posted entry as the ledger shows it (GET /api/stock/ledger's line), from what the posting and its
 * use case already hold: the entry with its codes, the posting's source, the product and the person.
 */
export function ledgerLine(
  e: PostedEntry,
  posting: { sourceType: StockSourceType; sourceId?: string | null; note?: string | null; scrapReason?: ScrapReason | null },
  product: { id: string; sku: string; name: string; uom: string },
  actor: { id: string; name: string },
): LedgerEntry {
  return {
    id: e.id,
    productId: e.productId,
    change: e.change,
    balanceAfter: e.balanceAfter,
    sourceType: posting.sourceType,
    sourceId: posting.sourceId ?? null,
    note: posting.note ?? null,
    scrapReason: posting.scrapReason ?? null,
    createdAt: e.createdAt,
    locationId: e.locationId,
    lotId: e.lotId,
    product: { id: product.id, sku: product.sku, name: product.name, uom: product.uom },
    location: { id: e.locationId, code: e.locationCode },
    lot: e.lotId ? { id: e.lotId, code: e.lotCode! } : null,
    createdBy: { id: actor.id, name: actor.name },
  };
}
