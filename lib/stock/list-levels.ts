import { prisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { HELD_BY_PRODUCT } from "./held";
import { pageArgs, type Page } from "../validation/paging";
import type { ListLevelsQuery } from "./schemas";

export interface StockLevelRow {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  onHand: Prisma.Decimal;
  /** What all open MOs still require of it (docs/domain.md "Material availability"). */
  allocated: Prisma.Decimal;
  /** Of onHand, what lies in QUARANTINE or SCRAP locations (lib/stock/held.ts): not usable. */
  held: Prisma.Decimal;
  /** onHand − held − allocated; negative when the open MOs need more than there is. */
  available: Prisma.Decimal;
  reorderPoint: Prisma.Decimal | null;
  /** reorderPoint is set and onHand is at or below it. */
  low: boolean;
  /** The moving average cost (docs/domain.md "Valuation"). */
  unitCost: Prisma.Decimal | null;
  /** The stock's value at moving average cost (the level's maintained value); null for a product never valued. */
  value: Prisma.Decimal | null;
  archivedAt: Date | null;
}

/** `ILIKE` pattern matching `text` literally anywhere (%, _ and \ in the search are not wildcards). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Current stock per product, sorted by SKU. `low` compares two tables' columns, which Prisma's
 * query API cannot express, so filtering, counting and paging all happen in one SQL statement each.
 */
export async function listLevels(q: ListLevelsQuery): Promise<Page<StockLevelRow>> {
  const conds: Prisma.Sql[] = [];
  if (!q.includeArchived) conds.push(Prisma.sql`p."archivedAt" IS NULL`);
  if (q.q) {
    const like = containsPattern(q.q);
    conds.push(Prisma.sql`(p."sku" ILIKE ${like} OR p."name" ILIKE ${like})`);
  }
  if (q.low) conds.push(Prisma.sql`p."reorderPoint" IS NOT NULL AND COALESCE(l."onHand", 0) <= p."reorderPoint"`);
  const where = conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  const from = Prisma.sql`FROM "Product" p LEFT JOIN "StockLevel" l ON l."productId" = p."id"`;
  const { skip, take } = pageArgs(q);
  const [items, counted] = await Promise.all([
    prisma().$queryRaw<StockLevelRow[]>`
      SELECT p."id" AS "productId", p."sku", p."name", p."uom",
             COALESCE(l."onHand", 0)::numeric(18,4) AS "onHand",
             COALESCE(h.held, 0) AS "held", COALESCE(a."allocated", 0) AS "allocated",
             COALESCE(l."onHand", 0) - COALESCE(h.held, 0) - COALESCE(a."allocated", 0) AS "available",
             p."reorderPoint", p."unitCost",
             (CASE WHEN p."unitCost" IS NULL AND COALESCE(l."value", 0) = 0 THEN NULL ELSE COALESCE(l."value", 0)::numeric(18,4) END) AS "value", p."archivedAt",
             (p."reorderPoint" IS NOT NULL AND COALESCE(l."onHand", 0) <= p."reorderPoint") AS "low"
      ${from}
      LEFT JOIN ${HELD_BY_PRODUCT} h ON h."productId" = p."id"
      LEFT JOIN LATERAL (SELECT SUM(r."required") AS "allocated" FROM "MoRequirement" r WHERE r."productId" = p."id") a ON TRUE
      ${where}
      ORDER BY p."sku" ASC
      LIMIT ${take} OFFSET ${skip}`,
    prisma().$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS "total" ${from} ${where}`,
  ]);
  return { items, total: counted[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}
