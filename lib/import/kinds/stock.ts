// Opening stock: each row states the quantity on hand a product should have; the import posts the
// difference from what is on hand now as an INITIAL ledger row through lib/stock (so the ledger
// invariant holds and a re-import of the same file posts nothing). `unit_cost` values what comes in.
// Locations and lots (DOMAIN-2 §2) will be further optional columns keyed with the SKU.
import { writeAudit } from "../../audit/write";
import { Prisma } from "../../db/generated/client";
import type { DomainEvent } from "../../realtime/events";
import { isCountedUnit } from "../../products/units";
import { lockLevels } from "../../stock/levels";
import { postStock, type StockLine } from "../../stock/post";
import { chunks, flagDuplicates, type KindCtx, type KindPlan } from "../types";

const D = Prisma.Decimal;

/** Checks the rows against the products and plans one INITIAL posting per product whose on hand differs. */
export async function planStock(ctx: KindCtx): Promise<KindPlan> {
  const rows = flagDuplicates(ctx, "sku", (r) => (r.v.sku as string | null) ?? null);
  const products = new Map<string, { id: string; uom: string }>();
  for (const part of chunks(rows.map((r) => r.v.sku as string))) {
    for (const p of await ctx.tx.product.findMany({ where: { sku: { in: part } }, select: { id: true, sku: true, uom: true } })) products.set(p.sku, p);
  }
  const known = rows.filter((r) => {
    if (products.has(r.v.sku as string)) return true;
    ctx.error(r.row, "sku", "UNKNOWN_PRODUCT", { value: r.v.sku as string });
    return false;
  });
  // Committing: lock the levels first (productId order, as postStock does) so on hand cannot move
  // between reading it and posting the difference.
  const ids = known.map((r) => products.get(r.v.sku as string)!.id).sort();
  if (!ctx.dryRun) for (const part of chunks(ids)) await lockLevels(ctx.tx, part);
  const onHand = new Map<string, Prisma.Decimal>();
  for (const part of chunks(ids)) {
    for (const l of await ctx.tx.stockLevel.findMany({ where: { productId: { in: part } }, select: { productId: true, onHand: true } })) onHand.set(l.productId, l.onHand);
  }
  const lines: StockLine[] = [];
  let unchanged = 0;
  for (const r of known) {
    const p = products.get(r.v.sku as string)!;
    const target = new D(r.v.quantity as string);
    if (isCountedUnit(p.uom) && !target.isInteger()) {
      ctx.error(r.row, "quantity", "COUNTED_UNIT", { uom: p.uom });
      continue;
    }
    const change = target.minus(onHand.get(p.id) ?? 0);
    if (change.isZero()) unchanged++;
    else lines.push({ productId: p.id, change, unitCost: change.gt(0) ? (r.v.unit_cost as string | null) : null });
  }
  lines.sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  return {
    created: lines.length,
    updated: 0,
    unchanged,
    apply: async () => {
      const events: DomainEvent[] = [];
      const productIds: string[] = [];
      // In productId order, a few thousand products per posting (bind-parameter limits).
      for (const part of chunks(lines, 2000)) {
        const posted = await postStock(ctx.tx, { lines: part, sourceType: "INITIAL", sourceId: `import:${ctx.sha256.slice(0, 16)}`, note: "Opening stock import", actorId: ctx.actor.id, allowNegative: false });
        for (const e of posted.entries) productIds.push(e.productId);
      }
      if (productIds.length) events.push({ name: "stock:changed", payload: { productIds, sourceType: "INITIAL", sourceId: `import:${ctx.sha256.slice(0, 16)}` } });
      await writeAudit(ctx.tx, {
        actorId: ctx.actor.id,
        action: "import.stock",
        entityType: "Import",
        entityId: ctx.sha256,
        payload: { filename: ctx.filename, posted: lines.length, unchanged },
      });
      return events;
    },
  };
}
