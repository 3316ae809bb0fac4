import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { prisma } from "../db/client";
import type { Prisma, Product } from "../db/generated/client";
import { withTx } from "../db/tx";
import { conflict, notFound } from "../errors";
import { pageArgs, type Page } from "../validation/paging";
import { ensureStockLevel } from "../stock/levels";
import { plainValue } from "./numbers";
import type { CreateProductInput, ListProductsQuery, UpdateProductInput } from "./schemas";
import { assertProductVisible, ownProductIds } from "./scope";

export interface ProductDetail extends Product {
  /** Null when the product has no BOM. */
  bom: { id: string; componentCount: number; operationCount: number; updatedAt: Date } | null;
  /** How many BOMs use this product as a component. */
  usedInCount: number;
}

/** Lists products (archived hidden unless asked for); operators see only their WOs' parts. */
export async function listProducts(q: ListProductsQuery, user: Actor): Promise<Page<Product>> {
  const own = await ownProductIds(prisma(), user);
  const where: Prisma.ProductWhereInput = {
    ...(own ? { id: { in: own } } : {}),
    ...(q.includeArchived ? {} : { archivedAt: null }),
    ...(q.isFinished !== undefined ? { isFinished: q.isFinished } : {}),
    ...(q.q ? { OR: [{ sku: { contains: q.q, mode: "insensitive" } }, { name: { contains: q.q, mode: "insensitive" } }] } : {}),
  };
  const [items, total] = await Promise.all([
    prisma().product.findMany({ where, orderBy: [{ sku: "asc" }, { id: "asc" }], ...pageArgs(q) }),
    prisma().product.count({ where }),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One product with a summary of its BOM; 404 when missing or not visible to the user. */
export async function getProduct(id: string, user: Actor): Promise<ProductDetail> {
  await assertProductVisible(prisma(), user, id);
  const p = await prisma().product.findUnique({
    where: { id },
    include: {
      bom: { select: { id: true, updatedAt: true, _count: { select: { components: true, operations: true } } } },
      _count: { select: { usedIn: true } },
    },
  });
  if (!p) throw notFound("Product");
  const { bom, _count, ...product } = p;
  return {
    ...product,
    bom: bom ? { id: bom.id, componentCount: bom._count.components, operationCount: bom._count.operations, updatedAt: bom.updatedAt } : null,
    usedInCount: _count.usedIn,
  };
}

/** Creates a product (SKU unique) with its zero stock level, in one transaction. */
export async function createProduct(input: CreateProductInput, actor: Actor): Promise<Product> {
  return withTx(async (tx) => {
    if (await tx.product.findUnique({ where: { sku: input.sku }, select: { id: true } })) throw conflict(`A product with SKU ${input.sku} already exists.`);
    const product = await tx.product.create({
      data: {
        sku: input.sku,
        name: input.name,
        description: input.description ?? null,
        isFinished: input.isFinished,
        uom: input.uom,
        unitCost: input.unitCost ?? null,
        reorderPoint: input.reorderPoint ?? null,
      },
    });
    await ensureStockLevel(tx, product.id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "product.create",
      entityType: "Product",
      entityId: product.id,
      payload: { sku: product.sku, name: product.name, isFinished: product.isFinished, uom: product.uom, unitCost: input.unitCost ?? null, reorderPoint: input.reorderPoint ?? null },
    });
    return product;
  });
}

const FIELDS = ["sku", "name", "description", "isFinished", "uom", "unitCost", "reorderPoint"] as const;

/** Changes product fields and archives (`archived: true`) or restores it; audited per request. */
export async function updateProduct(id: string, input: UpdateProductInput, actor: Actor): Promise<Product> {
  return withTx(async (tx) => {
    const before = await tx.product.findUnique({ where: { id } });
    if (!before) throw notFound("Product");
    if (input.sku !== undefined && input.sku !== before.sku && (await tx.product.findUnique({ where: { sku: input.sku }, select: { id: true } }))) {
      throw conflict(`A product with SKU ${input.sku} already exists.`);
    }
    // Archiving keeps the first archive time; restoring clears it.
    const archivedAt = input.archived === undefined ? undefined : input.archived ? (before.archivedAt ?? new Date()) : null;
    const product = await tx.product.update({
      where: { id },
      data: {
        sku: input.sku,
        name: input.name,
        description: input.description,
        isFinished: input.isFinished,
        uom: input.uom,
        unitCost: input.unitCost,
        reorderPoint: input.reorderPoint,
        archivedAt,
      },
    });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of FIELDS) {
      if (input[k] !== undefined && plainValue(input[k]) !== plainValue(before[k])) changes[k] = { from: plainValue(before[k]), to: plainValue(input[k]) };
    }
    const archiveChanged = input.archived !== undefined && input.archived !== (before.archivedAt !== null);
    if (archiveChanged) {
      await writeAudit(tx, { actorId: actor.id, action: input.archived ? "product.archive" : "product.restore", entityType: "Product", entityId: id, payload: { sku: product.sku } });
    }
    if (Object.keys(changes).length > 0 || !archiveChanged) {
      await writeAudit(tx, { actorId: actor.id, action: "product.update", entityType: "Product", entityId: id, payload: changes as Prisma.InputJsonObject });
    }
    return product;
  });
}
