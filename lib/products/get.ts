import type { Actor } from "../auth/permissions";
import { prisma } from "../db/client";
import type { Product } from "../db/generated/client";
import { notFound } from "../errors";
import { assertProductVisible } from "./scope";

export interface ProductDetail extends Product {
  /** Null when the product has no BOM. */
  bom: { id: string; componentCount: number; operationCount: number; updatedAt: Date } | null;
  /** How many BOMs use this product as a component. */
  usedInCount: number;
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
