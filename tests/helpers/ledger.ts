import type { Db } from "@/lib/db/client";

export interface LedgerViolation {
  productId: string;
  problem: string;
}

/**
 * The stock ledger invariant, for every product: StockLevel.onHand = sum of its entries = the newest
 * entry's balanceAfter, and each entry's balanceAfter = the previous one's + its change.
 */
export async function ledgerViolations(prisma: Db): Promise<LedgerViolation[]> {
  const rows = await prisma.$queryRaw<{ productId: string; problem: string }[]>`
    WITH e AS (
      SELECT "productId", "id", "change", "balanceAfter",
             LAG("balanceAfter") OVER (PARTITION BY "productId" ORDER BY "id") AS prev
      FROM "StockEntry"
    ),
    chain AS (
      SELECT "productId", 'entry ' || "id" || ': balanceAfter ' || "balanceAfter" || ' <> previous ' || COALESCE(prev, 0) || ' + change ' || "change" AS problem
      FROM e WHERE "balanceAfter" <> COALESCE(prev, 0) + "change"
    ),
    totals AS (
      SELECT p."id" AS "productId", COALESCE(l."onHand", 0) AS on_hand,
             COALESCE((SELECT SUM("change") FROM "StockEntry" s WHERE s."productId" = p."id"), 0) AS sum_change,
             COALESCE((SELECT "balanceAfter" FROM "StockEntry" s WHERE s."productId" = p."id" ORDER BY "id" DESC LIMIT 1), 0) AS newest
      FROM "Product" p LEFT JOIN "StockLevel" l ON l."productId" = p."id"
    )
    SELECT "productId", problem FROM chain
    UNION ALL
    SELECT "productId", 'onHand ' || on_hand || ', sum of changes ' || sum_change || ', newest balanceAfter ' || newest
    FROM totals WHERE on_hand <> sum_change OR on_hand <> newest`;
  return rows;
}

/** Throws, listing every violation, when the ledger invariant does not hold. */
export async function assertLedgerInvariant(prisma: Db): Promise<void> {
  const v = await ledgerViolations(prisma);
  if (v.length) throw new Error(`Stock ledger invariant violated:\n${v.map((x) => `  ${x.productId}: ${x.problem}`).join("\n")}`);
}
