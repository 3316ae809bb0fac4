// Products: upsert by SKU. An empty optional cell leaves an existing product's field as it is (a new
// product gets the default); a row equal to what is stored writes nothing.
import { writeAudit } from "../../audit/write";
import { Prisma } from "../../db/generated/client";
import { isCountedUnit } from "../../products/units";
import { ensureStockLevels } from "../../stock/levels";
import { chunks, flagDuplicates, type KindCtx, type KindPlan } from "../types";

const D = Prisma.Decimal;
const sameDecimal = (a: Prisma.Decimal | null, b: string | null) => (a === null ? b === null : b !== null && a.equals(new D(b)));

/** Checks the rows against the stored products and plans the creates and updates. */
export async function planProducts(ctx: KindCtx): Promise<KindPlan> {
  const rows = flagDuplicates(ctx, "sku", (r) => (r.v.sku as string | null) ?? null);
  const existing = new Map<string, { id: string; sku: string; name: string; description: string | null; isFinished: boolean; uom: string; unitCost: Prisma.Decimal | null; reorderPoint: Prisma.Decimal | null; onHand: Prisma.Decimal | null }>();
  for (const part of chunks(rows.map((r) => r.v.sku as string))) {
    const found = await ctx.tx.product.findMany({
      where: { sku: { in: part } },
      select: { id: true, sku: true, name: true, description: true, isFinished: true, uom: true, unitCost: true, reorderPoint: true, stockLevel: { select: { onHand: true } } },
    });
    for (const p of found) existing.set(p.sku, { ...p, onHand: p.stockLevel?.onHand ?? null });
  }
  const creates: Prisma.ProductCreateManyInput[] = [];
  const updates: { id: string; data: Prisma.ProductUpdateInput }[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const v = r.v as { sku: string; name: string; description: string | null; is_finished: boolean | null; uom: string | null; unit_cost: string | null; reorder_point: string | null };
    const uom = v.uom;
    const before = existing.get(v.sku);
    const counted = isCountedUnit(uom ?? before?.uom ?? "pcs");
    if (counted && v.reorder_point !== null && !Number.isInteger(Number(v.reorder_point))) ctx.error(r.row, "reorder_point", "COUNTED_UNIT", { uom: uom ?? before?.uom ?? "pcs" });
    if (!before) {
      creates.push({ sku: v.sku, name: v.name, description: v.description, isFinished: v.is_finished ?? false, uom: uom ?? "pcs", unitCost: v.unit_cost, reorderPoint: v.reorder_point });
      continue;
    }
    if (uom !== null && uom !== before.uom && counted && before.onHand !== null && !before.onHand.isInteger()) ctx.error(r.row, "uom", "COUNTED_UNIT", { uom });
    const data: Prisma.ProductUpdateInput = {};
    if (v.name !== before.name) data.name = v.name;
    if (v.description !== null && v.description !== before.description) data.description = v.description;
    if (v.is_finished !== null && v.is_finished !== before.isFinished) data.isFinished = v.is_finished;
    if (uom !== null && uom !== before.uom) data.uom = uom;
    if (v.unit_cost !== null && !sameDecimal(before.unitCost, v.unit_cost)) data.unitCost = v.unit_cost;
    if (v.reorder_point !== null && !sameDecimal(before.reorderPoint, v.reorder_point)) data.reorderPoint = v.reorder_point;
    if (Object.keys(data).length) updates.push({ id: before.id, data });
    else unchanged++;
  }
  return {
    created: creates.length,
    updated: updates.length,
    unchanged,
    apply: async () => {
      for (const part of chunks(creates, 1000)) await ctx.tx.product.createMany({ data: part });
      const newIds: string[] = [];
      for (const part of chunks(creates.map((c) => c.sku))) newIds.push(...(await ctx.tx.product.findMany({ where: { sku: { in: part } }, select: { id: true } })).map((p) => p.id));
      await ensureStockLevels(ctx.tx, newIds);
      for (const u of updates) await ctx.tx.product.update({ where: { id: u.id }, data: u.data });
      await writeAudit(ctx.tx, {
        actorId: ctx.actor.id,
        action: "import.products",
        entityType: "Import",
        entityId: ctx.sha256,
        payload: { filename: ctx.filename, created: creates.length, updated: updates.length, unchanged, createdSkus: creates.slice(0, 100).map((c) => c.sku) },
      });
      return [];
    },
  };
}
