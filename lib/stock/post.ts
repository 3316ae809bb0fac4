// The only writer of StockLevel and StockEntry (with levels.ts; eslint.config.mjs refuses writes
// elsewhere). Every posting locks the StockLevel rows of its products (in productId order, so two
// postings over overlapping products cannot deadlock), checks the new balances, then writes the
// ledger rows and the levels in the caller's transaction. Each row is valued at moving average cost
// (valuation.ts): the level's value and the product's unitCost change under the same row lock as
// onHand, so per product level value = Σ entry value holds like onHand = Σ change. It reports facts (short products, levels
// that crossed their reorder point); the use cases decide whom to tell (lib/inventory/alerts.ts).
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { ScrapReason, StockSourceType } from "../db/generated/enums";
import { env } from "../env";
import type { DomainEvent } from "../realtime/events";
import { conflict, InsufficientStockError, type Shortage } from "../errors";
import { valueMovement, type Valuation } from "./valuation";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

/** The ledger's columns are Decimal(18,4): 4 decimals, magnitudes below 10^14. */
const SCALE = 4;
const MAX_ABS = new Decimal("1e14");

export interface StockLine {
  productId: string;
  /** Signed quantity: positive adds stock, negative takes it. */
  change: Decimal | number | string;
  /**
   * Cost per unit (≥ 0) of what an inbound line brings in (a receipt's price, an MO output's actual
   * cost); the product's moving average moves with it. Without it, and for outbound lines, the line
   * is valued at the current average (lib/stock/valuation.ts).
   */
  unitCost?: Decimal | number | string | null;
}

export interface PostingInput {
  lines: StockLine[];
  sourceType: StockSourceType;
  sourceId?: string | null;
  note?: string | null;
  actorId?: string | null;
  /** Defaults to ALLOW_NEGATIVE_STOCK. */
  allowNegative?: boolean;
  /** SCRAP postings: why the stock was scrapped (kept on each entry). */
  scrapReason?: ScrapReason | null;
}

export interface PostedEntry {
  id: bigint;
  productId: string;
  change: Decimal;
  balanceAfter: Decimal;
  unitCost: Decimal;
  value: Decimal;
}

/** A level this posting took from above its reorder point to at or below it. */
export interface ReorderCrossing {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  onHand: Decimal;
  reorderPoint: Decimal;
}

export interface PostingResult {
  entries: PostedEntry[];
  /** stock:changed (none for a posting that writes nothing). */
  events: DomainEvent[];
  reorderCrossings: ReorderCrossing[];
}

interface LockedLevel {
  productId: string;
  onHand: Decimal;
  value: Decimal;
  sku: string;
  name: string;
  uom: string;
  reorderPoint: Decimal | null;
}

/** Posts stock movements inside `tx`; throws InsufficientStockError (nothing written) when a balance would go negative. */
export async function postStock(tx: Tx, input: PostingInput): Promise<PostingResult> {
  // One net change per product, rounded as the Decimal(18,4) columns will store it (Postgres rounds
  // half away from zero, like ROUND_HALF_UP): computing balances from unrounded changes (e.g.
  // qtyPerUnit × quantity with 5+ decimals) would store entries whose balances do not add up.
  // A net zero writes nothing.
  const net = new Map<string, Decimal>();
  // Inbound lines with a cost, per product: their quantity and amount (several lines of one product
  // give the net their weighted cost).
  const costed = new Map<string, { qty: Decimal; amount: Decimal }>();
  for (const line of input.lines) {
    const change = new Decimal(line.change.toString());
    net.set(line.productId, (net.get(line.productId) ?? new Decimal(0)).plus(change));
    if (line.unitCost !== undefined && line.unitCost !== null && change.gt(0)) {
      const cost = new Decimal(line.unitCost.toString());
      if (!cost.isFinite() || cost.isNegative() || cost.gte(MAX_ABS)) throw conflict(`A unit cost must be at least 0 and less than ${MAX_ABS.toString()}.`);
      const c = costed.get(line.productId) ?? { qty: new Decimal(0), amount: new Decimal(0) };
      costed.set(line.productId, { qty: c.qty.plus(change), amount: c.amount.plus(change.times(cost)) });
    }
  }
  for (const [id, change] of net) net.set(id, change.toDecimalPlaces(SCALE, Decimal.ROUND_HALF_UP));
  const ids = [...net.keys()].filter((id) => !net.get(id)!.isZero()).sort();
  if (!ids.length) return { entries: [], events: [], reorderCrossings: [] };

  // Levels normally exist from product creation; create missing ones (in order) so they can be locked.
  await tx.$executeRaw`
    INSERT INTO "StockLevel" ("productId", "onHand", "updatedAt")
    SELECT p."id", 0, now() FROM "Product" p WHERE p."id" IN (${Prisma.join(ids)}) ORDER BY p."id"
    ON CONFLICT ("productId") DO NOTHING`;
  const locked = await tx.$queryRaw<LockedLevel[]>`
    SELECT l."productId", l."onHand", l."value", p."sku", p."name", p."uom", p."reorderPoint"
    FROM "StockLevel" l JOIN "Product" p ON p."id" = l."productId"
    WHERE l."productId" IN (${Prisma.join(ids)})
    ORDER BY l."productId"
    FOR UPDATE OF l`;
  if (locked.length !== ids.length) {
    const found = new Set(locked.map((l) => l.productId));
    throw new InsufficientStockError(
      ids.filter((id) => !found.has(id)).map((id) => ({ productId: id, sku: id, name: "unknown product", uom: "", onHand: 0, required: 0, shortBy: 0 })),
    );
  }

  // The averages, read only now that the levels are locked: in the locking statement above, a row that
  // had to wait is re-read fresh but a joined Product row is not (Postgres re-checks FOR UPDATE OF l
  // against the statement's snapshot), so the average set by the posting it waited for would be missed.
  const averages = new Map(
    (await tx.$queryRaw<{ id: string; unitCost: Decimal | null }[]>`SELECT "id", "unitCost" FROM "Product" WHERE "id" IN (${Prisma.join(ids)})`).map((p) => [p.id, p.unitCost]),
  );
  const allowNegative = input.allowNegative ?? env().ALLOW_NEGATIVE_STOCK;
  const shortages: Shortage[] = [];
  const next = locked.map((l) => {
    const before = new Decimal(l.onHand.toString());
    const change = net.get(l.productId)!;
    const after = before.plus(change);
    if (after.isNegative() && !allowNegative) {
      shortages.push({
        productId: l.productId,
        sku: l.sku,
        name: l.name,
        uom: l.uom,
        onHand: before.toNumber(),
        required: change.negated().toNumber(),
        shortBy: after.negated().toNumber(),
      });
    }
    const c = costed.get(l.productId);
    const average = averages.get(l.productId) ?? null;
    const valuation: Valuation = valueMovement(
      { onHand: before, value: new Decimal(l.value.toString()), average: average === null ? null : new Decimal(average.toString()) },
      change,
      c ? c.amount.dividedBy(c.qty) : null,
    );
    return { level: l, before, change, after, valuation };
  });
  if (shortages.length) throw new InsufficientStockError(shortages);
  // Beyond Decimal(18,4) Postgres raises "numeric field overflow" (a 500); refuse it as a conflict instead.
  const tooLarge = next.filter((n) => n.after.abs().gte(MAX_ABS) || n.change.abs().gte(MAX_ABS));
  if (tooLarge.length) {
    throw conflict(`The balance of ${tooLarge.map((n) => n.level.sku).join(", ")} would exceed what the ledger can hold (less than ${MAX_ABS.toString()}).`);
  }
  const tooValuable = next.filter((n) => n.valuation.value.abs().gte(MAX_ABS) || n.valuation.levelValue.abs().gte(MAX_ABS));
  if (tooValuable.length) {
    throw conflict(`The stock value of ${tooValuable.map((n) => n.level.sku).join(", ")} would exceed what the ledger can hold (less than ${MAX_ABS.toString()}).`);
  }

  const entries: PostedEntry[] = [];
  for (const n of next) {
    const v = n.valuation;
    // Value and average change under the same row lock as onHand (taken above, in productId order).
    await tx.$executeRaw`UPDATE "StockLevel" SET "onHand" = ${n.after}, "value" = ${v.levelValue}, "updatedAt" = now() WHERE "productId" = ${n.level.productId}`;
    if (v.average !== null) await tx.$executeRaw`UPDATE "Product" SET "unitCost" = ${v.average} WHERE "id" = ${n.level.productId}`;
    const entry = await tx.stockEntry.create({
      data: {
        productId: n.level.productId,
        change: n.change,
        balanceAfter: n.after,
        unitCost: v.unitCost,
        value: v.value,
        sourceType: input.sourceType,
        sourceId: input.sourceId ?? null,
        note: input.note ?? null,
        scrapReason: input.scrapReason ?? null,
        createdById: input.actorId ?? null,
      },
      select: { id: true, productId: true, change: true, balanceAfter: true, unitCost: true, value: true },
    });
    entries.push(entry);
  }

  const events: DomainEvent[] = [
    { name: "stock:changed", payload: { productIds: ids, sourceType: input.sourceType, sourceId: input.sourceId ?? null } },
  ];
  // Crossing the reorder point (from above to at-or-below) is reported once, not on every posting below it.
  const reorderCrossings: ReorderCrossing[] = [];
  for (const n of next) {
    const rp = n.level.reorderPoint === null ? null : new Decimal(n.level.reorderPoint.toString());
    if (rp && n.before.greaterThan(rp) && n.after.lessThanOrEqualTo(rp)) {
      const { productId, sku, name, uom } = n.level;
      reorderCrossings.push({ productId, sku, name, uom, onHand: n.after, reorderPoint: rp });
    }
  }
  return { entries, events, reorderCrossings };
}
