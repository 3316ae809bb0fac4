// BOMs: one row per component or operation (`line`), grouped by `product_sku`. Each product in the
// file gets exactly the BOM the file lists (components and operations, operations sequenced in file
// order), replacing the one it had; a product whose BOM already equals it is left alone. Products
// and materials must exist (import products first); cycles are refused with the cycle check of
// lib/products (the BOM graph lock is held, as replaceBom holds it).
import { writeAudit } from "../../audit/write";
import { Prisma } from "../../db/generated/client";
import { findCycleThrough, loadReachableEdges, type BomEdge } from "../../products/graph";
import { lockBomGraph } from "../../products/lock";
import { isCountedUnit } from "../../products/units";
import { chunks, type ImportRow, type KindCtx, type KindPlan } from "../types";

const D = Prisma.Decimal;

interface Comp {
  row: number;
  materialId: string;
  qty: Prisma.Decimal;
}
interface Op {
  title: string;
  workCenterId: string | null;
  minutes: Prisma.Decimal | null;
  instructions: string | null;
}
interface Planned {
  productId: string;
  sku: string;
  firstRow: number;
  components: Comp[];
  operations: Op[];
}

const eqDec = (a: Prisma.Decimal | null, b: Prisma.Decimal | null) => (a === null ? b === null : b !== null && a.equals(b));

/** Checks the rows (references, duplicates, quantities, cycles) and plans the BOMs to replace. */
export async function planBoms(ctx: KindCtx): Promise<KindPlan> {
  await lockBomGraph(ctx.tx);
  const skus = new Set<string>();
  for (const r of ctx.rows) {
    skus.add(r.v.product_sku as string);
    if (r.v.material_sku) skus.add(r.v.material_sku as string);
  }
  const bySku = new Map<string, { id: string; sku: string; uom: string; archivedAt: Date | null }>();
  for (const part of chunks([...skus])) {
    for (const p of await ctx.tx.product.findMany({ where: { sku: { in: part } }, select: { id: true, sku: true, uom: true, archivedAt: true } })) bySku.set(p.sku, p);
  }
  const centerNames = [...new Set(ctx.rows.flatMap((r) => (r.v.work_center ? [r.v.work_center as string] : [])))];
  const centers = new Map((await ctx.tx.workCenter.findMany({ where: { name: { in: centerNames } }, select: { id: true, name: true, active: true } })).map((w) => [w.name, w]));

  const plans = new Map<string, Planned>();
  const check = (r: ImportRow, field: string, ok: boolean, code: Parameters<KindCtx["error"]>[2], params?: Record<string, string | number>) => {
    if (!ok) ctx.error(r.row, field, code, params);
    return ok;
  };
  for (const r of ctx.rows) {
    const v = r.v as { product_sku: string; line: "component" | "operation"; material_sku: string | null; qty_per_unit: string | null; operation: string | null; work_center: string | null; minutes_per_unit: string | null; instructions: string | null };
    const product = bySku.get(v.product_sku);
    if (!check(r, "product_sku", !!product, "UNKNOWN_PRODUCT", { value: v.product_sku })) continue;
    const plan = plans.get(product!.id) ?? { productId: product!.id, sku: product!.sku, firstRow: r.row, components: [], operations: [] };
    plans.set(product!.id, plan);
    if (v.line === "component") {
      if (!check(r, "material_sku", v.material_sku !== null, "REQUIRED")) continue;
      if (!check(r, "qty_per_unit", v.qty_per_unit !== null, "REQUIRED")) continue;
      const m = bySku.get(v.material_sku!);
      if (!check(r, "material_sku", !!m, "UNKNOWN_MATERIAL", { value: v.material_sku! })) continue;
      if (!check(r, "material_sku", m!.id !== product!.id, "SELF_COMPONENT", { value: v.material_sku! })) continue;
      if (!check(r, "material_sku", !m!.archivedAt, "ARCHIVED_MATERIAL", { value: v.material_sku! })) continue;
      const prior = plan.components.find((c) => c.materialId === m!.id);
      if (!check(r, "material_sku", !prior, "DUPLICATE", { other: prior?.row ?? 0 })) continue;
      const qty = new D(v.qty_per_unit!);
      if (!check(r, "qty_per_unit", qty.gt(0), "NOT_POSITIVE")) continue;
      if (!check(r, "qty_per_unit", !isCountedUnit(m!.uom) || qty.isInteger(), "COUNTED_UNIT", { uom: m!.uom })) continue;
      plan.components.push({ row: r.row, materialId: m!.id, qty });
    } else {
      if (!check(r, "operation", v.operation !== null, "REQUIRED")) continue;
      let workCenterId: string | null = null;
      if (v.work_center !== null) {
        const w = centers.get(v.work_center);
        if (!check(r, "work_center", !!w && w.active, "UNKNOWN_WORK_CENTER", { value: v.work_center })) continue;
        workCenterId = w!.id;
      }
      plan.operations.push({ title: v.operation!, workCenterId, minutes: v.minutes_per_unit === null ? null : new D(v.minutes_per_unit), instructions: v.instructions });
    }
  }

  // Cycles: start from the stored graph without the BOMs this file replaces (acyclic, as the stored
  // graph is), then add the file's BOMs one at a time; each check is then findCycleThrough's case.
  const all = [...plans.values()];
  const roots = [...new Set(all.flatMap((p) => [p.productId, ...p.components.map((c) => c.materialId)]))];
  const replaced = new Set(plans.keys());
  const edges: BomEdge[] = (await loadReachableEdges(ctx.tx, roots)).filter((e) => !replaced.has(e.parentId));
  const names = new Map([...bySku.values()].map((p) => [p.id, p.sku]));
  for (const p of all) {
    const cycle = findCycleThrough(p.productId, p.components.map((c) => c.materialId), edges);
    if (cycle) {
      const sku = cycle.map((id) => names.get(id) ?? id).join(" → ");
      ctx.error(p.components[0]?.row ?? p.firstRow, "material_sku", "BOM_CYCLE", { cycle: sku });
      continue;
    }
    for (const c of p.components) edges.push({ parentId: p.productId, childId: c.materialId, qtyPerUnit: c.qty });
  }

  // What is stored now, to leave equal BOMs alone.
  const stored = new Map<string, { id: string; components: { materialId: string; qtyPerUnit: Prisma.Decimal }[]; operations: { sequence: number; title: string; workCenterId: string | null; minutesPerUnit: Prisma.Decimal | null; instructions: string | null }[] }>();
  for (const part of chunks([...plans.keys()])) {
    for (const b of await ctx.tx.bOM.findMany({
      where: { productId: { in: part } },
      select: { id: true, productId: true, components: { select: { materialId: true, qtyPerUnit: true } }, operations: { select: { sequence: true, title: true, workCenterId: true, minutesPerUnit: true, instructions: true }, orderBy: { sequence: "asc" } } },
    })) stored.set(b.productId, b);
  }
  const same = (p: Planned) => {
    const s = stored.get(p.productId);
    if (!s || s.components.length !== p.components.length || s.operations.length !== p.operations.length) return false;
    const qty = new Map(s.components.map((c) => [c.materialId, c.qtyPerUnit]));
    if (!p.components.every((c) => qty.has(c.materialId) && qty.get(c.materialId)!.equals(c.qty))) return false;
    return p.operations.every((o, i) => {
      const t = s.operations[i]!;
      return t.sequence === i + 1 && t.title === o.title && t.workCenterId === o.workCenterId && eqDec(t.minutesPerUnit, o.minutes) && (t.instructions ?? null) === (o.instructions ?? null);
    });
  };
  const changed = all.filter((p) => !same(p));
  const created = changed.filter((p) => !stored.has(p.productId)).length;
  return {
    created,
    updated: changed.length - created,
    unchanged: all.length - changed.length,
    apply: async () => {
      for (const p of changed) {
        const bom = await ctx.tx.bOM.upsert({ where: { productId: p.productId }, create: { productId: p.productId }, update: { updatedAt: new Date() }, select: { id: true } });
        await ctx.tx.bOMComponent.deleteMany({ where: { bomId: bom.id } });
        await ctx.tx.bOMOperation.deleteMany({ where: { bomId: bom.id } });
        if (p.components.length) await ctx.tx.bOMComponent.createMany({ data: p.components.map((c) => ({ bomId: bom.id, materialId: c.materialId, qtyPerUnit: c.qty })) });
        if (p.operations.length) {
          await ctx.tx.bOMOperation.createMany({
            data: p.operations.map((o, i) => ({ bomId: bom.id, sequence: i + 1, title: o.title, workCenterId: o.workCenterId, minutesPerUnit: o.minutes, instructions: o.instructions })),
          });
        }
      }
      await writeAudit(ctx.tx, {
        actorId: ctx.actor.id,
        action: "import.boms",
        entityType: "Import",
        entityId: ctx.sha256,
        payload: { filename: ctx.filename, created, updated: changed.length - created, unchanged: all.length - changed.length, skus: changed.slice(0, 100).map((p) => p.sku) },
      });
      return [];
    },
  };
}
