// Opening stock: each row states the quantity on hand a product should have; the import posts the
// difference from what is on hand now as an INITIAL ledger row through lib/stock (so the ledger
// invariant holds and a re-import of the same file posts nothing). `unit_cost` values what comes in.
// With a `location` or `lot` column (DOMAIN-2 §2) a row states the quantity of one (product,
// location, lot) instead: planStockByKey (docs/import.md "Opening stock").
import { writeAudit } from "../../audit/write";
import { Prisma } from "../../db/generated/client";
import type { DomainEvent } from "../../realtime/events";
import { isCountedUnit } from "../../products/units";
import { lockLevels } from "../../stock/levels";
import { postStock, type StockLine } from "../../stock/post";
import { DEFAULT_LOCATIONS } from "../../locations/defaults";
import { findOrCreateLots } from "../../lots/lots";
import { chunks, flagDuplicates, type KindCtx, type KindPlan } from "../types";

const D = Prisma.Decimal;

/** Checks the rows against the products and plans one INITIAL posting per product whose on hand differs. */
export async function planStock(ctx: KindCtx): Promise<KindPlan> {
  if (ctx.mapped.has("location") || ctx.mapped.has("lot")) return planStockByKey(ctx);
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

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Per (product, location, lot): each row's `quantity` is the target at its location (empty: STOCK) and
 * lot (required for LOT/SERIAL products, refused for untracked ones; a lot not known yet is made, with
 * `expires_at`). Keys the file does not name are left as they are. One INITIAL row per key that differs.
 */
async function planStockByKey(ctx: KindCtx): Promise<KindPlan> {
  const locations = new Map<string, string>();
  for (const l of await ctx.tx.location.findMany({ where: { active: true }, select: { id: true, code: true } })) locations.set(l.code.toLowerCase(), l.id);
  const locationOf = (v: unknown) => (v ? locations.get(String(v).toLowerCase()) : DEFAULT_LOCATIONS.STOCK);
  const rows = flagDuplicates(ctx, "sku", (r) => `${r.v.sku as string}\u0000${(locationOf(r.v.location) ?? String(r.v.location)).toLowerCase()}\u0000${(r.v.lot as string | null) ?? ""}`);
  const products = new Map<string, { id: string; uom: string; tracking: string }>();
  for (const part of chunks(rows.map((r) => r.v.sku as string))) {
    for (const p of await ctx.tx.product.findMany({ where: { sku: { in: part } }, select: { id: true, sku: true, uom: true, tracking: true } })) products.set(p.sku, p);
  }
  const reject = (...args: Parameters<KindCtx["error"]>) => {
    ctx.error(...args);
    return false;
  };
  const known = rows.filter((r) => {
    const sku = r.v.sku as string;
    const p = products.get(sku);
    if (!p) return reject(r.row, "sku", "UNKNOWN_PRODUCT", { value: sku });
    if (!locationOf(r.v.location)) return reject(r.row, "location", "UNKNOWN_LOCATION", { value: String(r.v.location) });
    if (p.tracking === "NONE" && r.v.lot) return reject(r.row, "lot", "LOT_NOT_TRACKED", { value: sku });
    if (p.tracking !== "NONE" && !r.v.lot) return reject(r.row, "lot", "LOT_REQUIRED", { value: sku });
    const qty = new D(r.v.quantity as string);
    if (isCountedUnit(p.uom) && !qty.isInteger()) return reject(r.row, "quantity", "COUNTED_UNIT", { uom: p.uom });
    if (p.tracking === "SERIAL" && qty.gt(1)) return reject(r.row, "quantity", "SERIAL_QUANTITY", { value: sku });
    return true;
  });
  // Committing: lock the levels first (productId order, as postStock does): balances read under the
  // level lock cannot move before the difference is posted.
  const ids = [...new Set(known.map((r) => products.get(r.v.sku as string)!.id))].sort(cmp);
  if (!ctx.dryRun) for (const part of chunks(ids)) await lockLevels(ctx.tx, part);
  const lots = new Map<string, string>(); // productId + code → lot id
  const onHand = new Map<string, Prisma.Decimal>(); // productId + locationId + lotId → on hand
  for (const part of chunks(ids)) {
    for (const l of await ctx.tx.lot.findMany({ where: { productId: { in: part } }, select: { id: true, productId: true, code: true } })) lots.set(`${l.productId}\u0000${l.code}`, l.id);
    for (const b of await ctx.tx.stockBalance.findMany({ where: { productId: { in: part } }, select: { productId: true, locationId: true, lotId: true, onHand: true } })) {
      onHand.set(`${b.productId}\u0000${b.locationId}\u0000${b.lotId ?? ""}`, b.onHand);
    }
  }
  interface Planned {
    productId: string;
    locationId: string;
    lotCode: string | null;
    expiresAt: Date | null;
    change: Prisma.Decimal;
    unitCost: string | null;
  }
  const planned: Planned[] = [];
  let unchanged = 0;
  for (const r of known) {
    const p = products.get(r.v.sku as string)!;
    const locationId = locationOf(r.v.location)!;
    const lotCode = (r.v.lot as string | null) ?? null;
    const lotId = lotCode ? lots.get(`${p.id}\u0000${lotCode}`) : undefined;
    const current = lotCode && !lotId ? new D(0) : (onHand.get(`${p.id}\u0000${locationId}\u0000${lotId ?? ""}`) ?? new D(0));
    const change = new D(r.v.quantity as string).minus(current);
    if (change.isZero()) unchanged++;
    else planned.push({ productId: p.id, locationId, lotCode, expiresAt: r.v.expires_at ? new Date(`${r.v.expires_at as string}T00:00:00Z`) : null, change, unitCost: change.gt(0) ? (r.v.unit_cost as string | null) : null });
  }
  planned.sort((a, b) => cmp(a.productId, b.productId) || cmp(a.locationId, b.locationId) || cmp(a.lotCode ?? "", b.lotCode ?? ""));
  const sourceId = `import:${ctx.sha256.slice(0, 16)}`;
  return {
    created: planned.length,
    updated: 0,
    unchanged,
    apply: async () => {
      const lines: StockLine[] = [];
      for (const x of planned) {
        let lotId: string | null = null;
        if (x.lotCode) lotId = lots.get(`${x.productId}\u0000${x.lotCode}`) ?? (await findOrCreateLots(ctx.tx, x.productId, [x.lotCode], x.expiresAt))[0]!.id;
        lines.push({ productId: x.productId, locationId: x.locationId, lotId, change: x.change, unitCost: x.unitCost });
      }
      const productIds: string[] = [];
      // Whole products per posting (its lines stay together), a few thousand lines each.
      let part: StockLine[] = [];
      const flush = async () => {
        if (!part.length) return;
        const posted = await postStock(ctx.tx, { lines: part, sourceType: "INITIAL", sourceId, note: "Opening stock import", actorId: ctx.actor.id, allowNegative: false });
        for (const e of posted.entries) productIds.push(e.productId);
        part = [];
      };
      for (const [i, line] of lines.entries()) {
        if (part.length >= 2000 && lines[i - 1]!.productId !== line.productId) await flush();
        part.push(line);
      }
      await flush();
      const events: DomainEvent[] = productIds.length ? [{ name: "stock:changed", payload: { productIds: [...new Set(productIds)], sourceType: "INITIAL", sourceId } }] : [];
      await writeAudit(ctx.tx, {
        actorId: ctx.actor.id,
        action: "import.stock",
        entityType: "Import",
        entityId: ctx.sha256,
        payload: { filename: ctx.filename, posted: lines.length, unchanged, byLocation: true },
      });
      return events;
    },
  };
}
