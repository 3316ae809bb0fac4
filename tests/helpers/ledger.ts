import type { Db } from "@/lib/db/client";

export interface LedgerViolation {
  productId: string;
  problem: string;
}

/**
 * The stock ledger invariants, for every product: StockLevel.onHand = sum of its entries = the newest
 * entry's balanceAfter, and each entry's balanceAfter = the previous one's + its change; and the
 * valuation: StockLevel.value = sum of its entries' values (exactly).
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
      SELECT p."id" AS "productId", COALESCE(l."onHand", 0) AS on_hand, COALESCE(l."value", 0) AS level_value,
             COALESCE((SELECT SUM("value") FROM "StockEntry" s WHERE s."productId" = p."id"), 0) AS sum_value,
             COALESCE((SELECT SUM("change") FROM "StockEntry" s WHERE s."productId" = p."id"), 0) AS sum_change,
             COALESCE((SELECT "balanceAfter" FROM "StockEntry" s WHERE s."productId" = p."id" ORDER BY "id" DESC LIMIT 1), 0) AS newest
      FROM "Product" p LEFT JOIN "StockLevel" l ON l."productId" = p."id"
    )
    SELECT "productId", problem FROM chain
    UNION ALL
    SELECT "productId", 'onHand ' || on_hand || ', sum of changes ' || sum_change || ', newest balanceAfter ' || newest
    FROM totals WHERE on_hand <> sum_change OR on_hand <> newest
    UNION ALL
    SELECT "productId", 'level value ' || level_value || ', sum of entry values ' || sum_value
    FROM totals WHERE level_value <> sum_value`;
  return rows;
}

/** Throws, listing every violation, when the ledger invariant does not hold. */
export async function assertLedgerInvariant(prisma: Db): Promise<void> {
  const v = await ledgerViolations(prisma);
  if (v.length) throw new Error(`Stock ledger invariant violated:\n${v.map((x) => `  ${x.productId}: ${x.problem}`).join("\n")}`);
}

/**
 * The one place tests write the ledger by hand (eslint.config.mjs allows raw StockEntry/StockLevel
 * writes only in lib/stock and here): `n` receipts of +1 in one INSERT … SELECT generate_series,
 * with explicit ids, so the invariant holds (balanceAfter is the running sum, the level its end).
 * Entry g has sourceId `BULK-g`; `byEmail` sets the author; `spreadOverLastHour` dates them from an
 * hour ago one millisecond apart (otherwise all now()).
 */
export async function bulkReceipts(prisma: Db, productId: string, n: number, opts: { byEmail?: string; spreadOverLastHour?: boolean } = {}): Promise<void> {
  const spread = opts.spreadOverLastHour ? 1 : 0;
  // One transaction, given the time a big insert on a busy machine needs (Prisma's default is 5 s).
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "StockEntry" ("id", "productId", "change", "sourceType", "sourceId", "note", "balanceAfter", "createdById", "createdAt")
      SELECT base.max_id + g, ${productId}, 1, 'RECEIPT', 'BULK-' || g, 'bulk receipt ' || g, lvl."onHand" + g,
             (SELECT "id" FROM "User" WHERE "email" = ${opts.byEmail ?? null}::text),
             (now() AT TIME ZONE 'UTC') + ${spread}::int * (g * interval '1 millisecond' - interval '1 hour')
      FROM (SELECT COALESCE(MAX("id"), 0) AS max_id FROM "StockEntry") base,
           (SELECT "onHand" FROM "StockLevel" WHERE "productId" = ${productId}) lvl,
           generate_series(1, ${n}::int) g`;
    await tx.$executeRaw`UPDATE "StockLevel" SET "onHand" = "onHand" + ${n}::int, "updatedAt" = now() WHERE "productId" = ${productId}`;
    await tx.$executeRaw`SELECT setval(pg_get_serial_sequence('"StockEntry"', 'id'), (SELECT MAX("id") FROM "StockEntry"))`;
  }, { timeout: 180_000, maxWait: 30_000 });
}
