import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import type { Prisma, Product } from "../db/generated/client";
import { withTx } from "../db/tx";
import { conflict, notFound } from "../errors";
import { plainValue } from "./numbers";
import type { UpdateProductInput } from "./schemas";

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
