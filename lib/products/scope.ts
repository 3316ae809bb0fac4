// "own" scope for products:read (OPERATOR): the parts of the MOs that hold a WO assigned to them —
// each such MO's product and the materials of its BOM snapshot.
import { scopeOf, type Actor } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { notFound } from "../errors";

/** The product ids an "own"-scoped user may read, or null when they may read every product. */
export async function ownProductIds(db: Db | Tx, user: Actor): Promise<string[] | null> {
  const scope = scopeOf(user, "products:read");
  if (scope === "all") return null;
  if (scope === null) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH mine AS (
      SELECT mo."productId", mo."bomSnapshot" FROM "ManufacturingOrder" mo
      WHERE EXISTS (SELECT 1 FROM "WorkOrder" w WHERE w."moId" = mo."id" AND w."assignedToId" = ${user.id})
    )
    SELECT "productId" AS id FROM mine
    UNION
    SELECT c->>'materialId' AS id
    FROM mine CROSS JOIN LATERAL jsonb_array_elements(
      CASE WHEN jsonb_typeof(mine."bomSnapshot") = 'array' THEN mine."bomSnapshot" ELSE '[]'::jsonb END
    ) AS c
    WHERE c->>'materialId' IS NOT NULL`;
  return rows.map((r) => r.id);
}

/** 404 unless the user may read this product (operators: only their WOs' parts). */
export async function assertProductVisible(db: Db | Tx, user: Actor, productId: string): Promise<void> {
  const own = await ownProductIds(db, user);
  if (own && !own.includes(productId)) throw notFound("Product");
}
