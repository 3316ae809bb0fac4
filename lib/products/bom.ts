// A product's BOM: read it, or replace it whole (components + operations) in one transaction.
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { prisma, type Db, type Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { withTx } from "../db/tx";
import { badRequest, notFound } from "../errors";
import { findCycleThrough, loadReachableEdges } from "./graph";
import { lockBomGraph } from "./lock";
import { assertWholeQuantities } from "./units";
import type { ReplaceBomInput } from "./schemas";
import { assertProductVisible } from "./scope";

const bomInclude = {
  components: {
    select: { id: true, materialId: true, qtyPerUnit: true, material: { select: { id: true, sku: true, name: true, uom: true, archivedAt: true } } },
    orderBy: { material: { sku: "asc" } },
  },
  operations: {
    select: { id: true, sequence: true, title: true, workCenterId: true, minutesPerUnit: true, instructions: true, workCenter: { select: { id: true, name: true, active: true } } },
    orderBy: { sequence: "asc" },
  },
} as const satisfies Prisma.BOMInclude;

type BomRow = Prisma.BOMGetPayload<{ include: typeof bomInclude }>;

export interface BomView {
  productId: string;
  product: { id: string; sku: string; name: string; uom: string };
  /** Null while the product has no BOM (components and operations are then empty). */
  id: string | null;
  updatedAt: Date | null;
  components: BomRow["components"];
  operations: BomRow["operations"];
}

async function readBom(db: Db | Tx, productId: string): Promise<BomView> {
  const product = await db.product.findUnique({
    where: { id: productId },
    select: { id: true, sku: true, name: true, uom: true, bom: { include: bomInclude } },
  });
  if (!product) throw notFound("Product");
  const { bom, ...head } = product;
  return { productId, product: head, id: bom?.id ?? null, updatedAt: bom?.updatedAt ?? null, components: bom?.components ?? [], operations: bom?.operations ?? [] };
}

/** A product's BOM (empty when it has none); 404 when the product is missing or not visible. */
export async function getBom(productId: string, user: Actor): Promise<BomView> {
  await assertProductVisible(prisma(), user, productId);
  return readBom(prisma(), productId);
}

interface Issue {
  path: string;
  message: string;
}

/**
 * Replaces a product's BOM atomically (creating it if missing). Refuses (400, nothing written)
 * duplicate, unknown or archived materials, the product itself, unknown or inactive work centers,
 * and any cycle at any depth, named by SKU. BOM writes are serialized so cycle checks cannot race.
 */
export async function replaceBom(productId: string, input: ReplaceBomInput, actor: Actor): Promise<BomView> {
  return withTx(async (tx) => {
    await lockBomGraph(tx);
    const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true, sku: true } });
    if (!product) throw notFound("Product");

    const issues: Issue[] = [];
    const materialIds = input.components.map((c) => c.materialId);
    const materials = new Map(
      (await tx.product.findMany({ where: { id: { in: materialIds } }, select: { id: true, sku: true, archivedAt: true } })).map((m) => [m.id, m]),
    );
    const seen = new Set<string>();
    input.components.forEach((c, i) => {
      const path = `components.${i}.materialId`;
      const m = materials.get(c.materialId);
      if (c.materialId === productId) issues.push({ path, message: `${product.sku} cannot be a component of itself` });
      else if (!m) issues.push({ path, message: "no such product" });
      else if (m.archivedAt) issues.push({ path, message: `${m.sku} is archived` });
      if (seen.has(c.materialId)) issues.push({ path, message: `${m?.sku ?? c.materialId} is listed more than once` });
      seen.add(c.materialId);
    });
    const centerIds = [...new Set(input.operations.flatMap((o) => (o.workCenterId ? [o.workCenterId] : [])))];
    const centers = new Map((await tx.workCenter.findMany({ where: { id: { in: centerIds } }, select: { id: true, name: true, active: true } })).map((w) => [w.id, w]));
    input.operations.forEach((o, i) => {
      if (!o.workCenterId) return;
      const w = centers.get(o.workCenterId);
      if (!w) issues.push({ path: `operations.${i}.workCenterId`, message: "no such work center" });
      else if (!w.active) issues.push({ path: `operations.${i}.workCenterId`, message: `work center ${w.name} is inactive` });
    });
    if (issues.length) throw badRequest(issues.map((x) => `${x.path}: ${x.message}`).join("; "), issues);
    await assertWholeQuantities(tx, input.components.map((c, i) => ({ path: ["components", i, "qtyPerUnit"], productId: c.materialId, quantity: c.qtyPerUnit })));

    const cycle = findCycleThrough(productId, materialIds, await loadReachableEdges(tx, materialIds));
    if (cycle) {
      const skus = new Map((await tx.product.findMany({ where: { id: { in: cycle } }, select: { id: true, sku: true } })).map((p) => [p.id, p.sku]));
      const named = cycle.map((id) => skus.get(id) ?? id);
      throw badRequest(`This BOM would contain its own product: ${named.join(" → ")}.`, { cycle: named });
    }

    const before = await readBom(tx, productId);
    const bom = await tx.bOM.upsert({ where: { productId }, create: { productId }, update: { updatedAt: new Date() }, select: { id: true } });
    await tx.bOMComponent.deleteMany({ where: { bomId: bom.id } });
    await tx.bOMOperation.deleteMany({ where: { bomId: bom.id } });
    if (input.components.length) {
      await tx.bOMComponent.createMany({ data: input.components.map((c) => ({ bomId: bom.id, materialId: c.materialId, qtyPerUnit: c.qtyPerUnit })) });
    }
    if (input.operations.length) {
      await tx.bOMOperation.createMany({
        data: input.operations.map((o, i) => ({ bomId: bom.id, sequence: i + 1, title: o.title, workCenterId: o.workCenterId ?? null, minutesPerUnit: o.minutesPerUnit ?? null, instructions: o.instructions ?? null })),
      });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "bom.replace",
      entityType: "Product",
      entityId: productId,
      payload: {
        sku: product.sku,
        bomId: bom.id,
        before: {
          components: before.components.map((c) => ({ materialId: c.materialId, sku: c.material.sku, qtyPerUnit: c.qtyPerUnit.toNumber() })),
          operations: before.operations.map((o) => ({ sequence: o.sequence, title: o.title, workCenterId: o.workCenterId, minutesPerUnit: o.minutesPerUnit?.toNumber() ?? null, instructions: o.instructions })),
        },
        after: {
          components: input.components.map((c) => ({ materialId: c.materialId, sku: materials.get(c.materialId)!.sku, qtyPerUnit: c.qtyPerUnit })),
          operations: input.operations.map((o, i) => ({ sequence: i + 1, title: o.title, workCenterId: o.workCenterId ?? null, minutesPerUnit: o.minutesPerUnit ?? null, instructions: o.instructions ?? null })),
        },
      },
    });
    return readBom(tx, productId);
  });
}
