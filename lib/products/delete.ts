// Deleting a product is for mistakes only: anything that ever referenced it keeps it (archive instead).
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { withTx } from "../db/tx";
import { conflict, notFound } from "../errors";
import { dropLevel } from "../stock/levels";
import { lockBomGraph } from "./lock";

const ARCHIVE_INSTEAD = "archive it instead (PATCH archived: true)";

function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "P2003" || code === "P2014";
}

/**
 * Deletes a never-referenced product (no BOM lines of its own, not a component, no MO or MO
 * snapshot, no stock entries) with its empty BOM and zero stock level; otherwise 409 CONFLICT.
 */
export async function deleteProduct(id: string, actor: Actor): Promise<void> {
  try {
    await withTx(async (tx) => {
      // Same lock as BOM writes, so no BOM can start using this product while we check.
      await lockBomGraph(tx);
      const p = await tx.product.findUnique({
        where: { id },
        select: {
          sku: true,
          name: true,
          bom: { select: { id: true, _count: { select: { components: true } } } },
          _count: { select: { usedIn: true, manufacturingOrders: true, stockEntries: true } },
        },
      });
      if (!p) throw notFound("Product");
      const reasons: string[] = [];
      if (p.bom && p.bom._count.components > 0) reasons.push("it has a BOM");
      if (p._count.usedIn > 0) reasons.push(`it is a component of ${p._count.usedIn} BOM(s)`);
      if (p._count.manufacturingOrders > 0) reasons.push("manufacturing orders produce it");
      const [snap] = await tx.$queryRaw<{ n: number }[]>`
        SELECT COUNT(*)::int AS n FROM "ManufacturingOrder"
        WHERE "bomSnapshot" @> jsonb_build_array(jsonb_build_object('materialId', ${id}::text))`;
      if (snap && snap.n > 0) reasons.push("manufacturing orders consume it");
      if (p._count.stockEntries > 0) reasons.push("it has stock movements");
      if (reasons.length) throw conflict(`${p.sku} cannot be deleted because ${reasons.join(", ")}: ${ARCHIVE_INSTEAD}.`, { reasons });

      if (p.bom) await tx.bOM.delete({ where: { id: p.bom.id } }); // empty; its operations cascade
      await dropLevel(tx, id);
      await tx.product.delete({ where: { id } });
      await writeAudit(tx, { actorId: actor.id, action: "product.delete", entityType: "Product", entityId: id, payload: { sku: p.sku, name: p.name } });
    });
  } catch (err) {
    // A reference committed by a concurrent request (an MO, a stock posting) after our checks.
    if (isForeignKeyViolation(err)) throw conflict(`The product is now in use: ${ARCHIVE_INSTEAD}.`);
    throw err;
  }
}
