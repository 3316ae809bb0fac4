import { ZodError } from "zod";
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import type { Tx } from "../db/client";
import type { Prisma, Product } from "../db/generated/client";
import { withTx } from "../db/tx";
import { conflict, notFound } from "../errors";
import { plainValue } from "./numbers";
import type { UpdateProductInput } from "./schemas";
import { isCountedUnit } from "./units";

const FIELDS = ["sku", "name", "description", "isFinished", "uom", "unitCost", "reorderPoint", "tracking"] as const;

/** Changes product fields and archives (`archived: true`) or restores it; audited per request. */
export async function updateProduct(id: string, input: UpdateProductInput, actor: Actor): Promise<Product> {
  return withTx(async (tx) => {
    const before = await tx.product.findUnique({ where: { id } });
    if (!before) throw notFound("Product");
    if (input.sku !== undefined && input.sku !== before.sku && (await tx.product.findUnique({ where: { sku: input.sku }, select: { id: true } }))) {
      throw conflict(`A product with SKU ${input.sku} already exists.`);
    }
    if (input.uom !== undefined && isCountedUnit(input.uom) && !isCountedUnit(before.uom)) {
      await assertCountableNow(tx, before, input.reorderPoint === undefined ? before.reorderPoint : input.reorderPoint, input.uom);
    }
    // Tracking changes only while nothing is on hand: stock already there has no lots to follow.
    if (input.tracking !== undefined && input.tracking !== before.tracking) {
      const held = await tx.stockBalance.findFirst({ where: { productId: id, onHand: { not: 0 } }, select: { id: true } });
      if (held) throw conflict(`${before.sku} has stock on hand: bring it to zero before changing how it is tracked.`);
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
        tracking: input.tracking,
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

const isFraction = (v: { toNumber(): number } | number | null | undefined) => v != null && !Number.isInteger(typeof v === "number" ? v : v.toNumber());

/**
 * A product may become counted (pcs, sets…) only when nothing about it is a fraction already: its
 * stock on hand, its reorder point, and the quantities of its open orders. Otherwise every later
 * posting of a whole number would leave a fraction behind. 400 naming `uom` and what is fractional.
 */
async function assertCountableNow(tx: Tx, product: Product, reorderPoint: { toNumber(): number } | number | null | undefined, uom: string): Promise<void> {
  const [level, openMos] = await Promise.all([
    tx.stockLevel.findUnique({ where: { productId: product.id }, select: { onHand: true } }),
    tx.manufacturingOrder.findMany({ where: { productId: product.id, state: { in: ["PLANNED", "IN_PROGRESS"] } }, select: { orderNo: true, quantity: true } }),
  ]);
  const reasons: string[] = [];
  if (isFraction(level?.onHand)) reasons.push(`${level!.onHand.toString()} on hand`);
  if (isFraction(reorderPoint)) reasons.push(`reorder point ${reorderPoint!.toString()}`);
  const fractionalMos = openMos.filter((m) => isFraction(m.quantity)).map((m) => m.orderNo);
  if (fractionalMos.length) reasons.push(`open orders ${fractionalMos.slice(0, 5).join(", ")}${fractionalMos.length > 5 ? "…" : ""}`);
  if (reasons.length) {
    throw new ZodError([{ code: "custom", path: ["uom"], message: `${product.name} cannot be counted in ${uom.trim()} while it has fractions: ${reasons.join("; ")}`, input: uom }]);
  }
}
