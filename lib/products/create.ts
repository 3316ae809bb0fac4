import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import type { Product } from "../db/generated/client";
import { withTx } from "../db/tx";
import { conflict } from "../errors";
import { ensureStockLevel } from "../stock/levels";
import type { CreateProductInput } from "./schemas";

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
        tracking: input.tracking ?? "NONE",
      },
    });
    await ensureStockLevel(tx, product.id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "product.create",
      entityType: "Product",
      entityId: product.id,
      payload: { sku: product.sku, name: product.name, isFinished: product.isFinished, uom: product.uom, unitCost: input.unitCost ?? null, reorderPoint: input.reorderPoint ?? null, tracking: product.tracking },
    });
    return product;
  });
}
