import type { Db } from "@/lib/db/client";
import { DEFAULT_LOCATIONS } from "@/lib/locations/defaults";

export interface LedgerViolation {
  productId: string;
  problem: string;
}

/**
 * The stock ledger invariants, for every product: StockLevel.onHand = sum of its entries = the newest
 * entry's balanceAfter, and each entry's balanceAfter = the previous one's + its change; and the
 * valuation: StockLevel.value = sum of its entries' values (exactly). Per (product, location, lot):
 * StockBalance.onHand = the sum of that key's entries  (with the level check, Σ balances of a
 * product = its level). Negative balances are not a violation here (ALLOW_NEGATIVE_STOCK allows them):
 * see negativeBalances.
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
    SELECT COALESCE(k."productId", s."productId"), 'balance at location ' || COALESCE(k."locationId", s."locationId") || ' lot ' || COALESCE(k."lotId", s."lotId", '-') ||
           ': onHand ' || COALESCE(s."onHand", 0) || ', sum of changes ' || COALESCE(k.sum_change, 0)
    FROM (SELECT "productId", "locationId", "lotId", SUM("change") AS sum_change FROM "StockEntry" GROUP BY 1, 2, 3) k
    FULL JOIN "StockBalance" s ON s."productId" = k."productId" AND s."locationId" = k."locationId" AND s."lotId" IS NOT DISTINCT FROM k."lotId"
    WHERE COALESCE(s."onHand", 0) <> COALESCE(k.sum_change, 0)

    UNION ALL
    SELECT "productId", 'onHand ' || on_hand || ', sum of changes ' || sum_change || ', newest balanceAfter ' || newest
    FROM totals WHERE on_hand <> sum_change OR on_hand <> newest
    UNION ALL
    SELECT "productId", 'level value ' || level_value || ', sum of entry values ' || sum_value
    FROM totals WHERE level_value <> sum_value`;
  return rows;
}

/** Balances below zero per (product, location, lot): none unless ALLOW_NEGATIVE_STOCK. */
export async function negativeBalances(prisma: Db): Promise<{ productId: string; locationId: string; lotId: string | null; onHand: string }[]> {
  return prisma.$queryRaw`SELECT "productId", "locationId", "lotId", "onHand"::text AS "onHand" FROM "StockBalance" WHERE "onHand" < 0`;
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
      INSERT INTO "StockEntry" ("id", "productId", "locationId", "change", "sourceType", "sourceId", "note", "balanceAfter", "createdById", "createdAt")
      SELECT base.max_id + g, ${productId}, ${DEFAULT_LOCATIONS.STOCK}, 1, 'RECEIPT', 'BULK-' || g, 'bulk receipt ' || g, lvl."onHand" + g,
             (SELECT "id" FROM "User" WHERE "email" = ${opts.byEmail ?? null}::text),
             (now() AT TIME ZONE 'UTC') + ${spread}::int * (g * interval '1 millisecond' - interval '1 hour')
      FROM (SELECT COALESCE(MAX("id"), 0) AS max_id FROM "StockEntry") base,
           (SELECT "onHand" FROM "StockLevel" WHERE "productId" = ${productId}) lvl,
           generate_series(1, ${n}::int) g`;
    await tx.$executeRaw`UPDATE "StockLevel" SET "onHand" = "onHand" + ${n}::int, "updatedAt" = now() WHERE "productId" = ${productId}`;
    await tx.$executeRaw`
      INSERT INTO "StockBalance" ("productId", "locationId", "onHand", "updatedAt") VALUES (${productId}, ${DEFAULT_LOCATIONS.STOCK}, ${n}::int, now())
      ON CONFLICT ("productId", "locationId", "lotId") DO UPDATE SET "onHand" = "StockBalance"."onHand" + EXCLUDED."onHand"`;
    await tx.$executeRaw`SELECT setval(pg_get_serial_sequence('"StockEntry"', 'id'), (SELECT MAX("id") FROM "StockEntry"))`;
  }, { timeout: 180_000, maxWait: 30_000 });
}

/**
 * A small ledger as it was before locations (migration 20261207010000 not yet applied): a material
 * MAT (9 on hand), a produced product FIN with a BOM (3), a product GONE emptied to 0, each chain and
 * level consistent. For tests/integration/locations-migration.test.ts.
 */
export const PRE_LOCATIONS_LEDGER_SQL = `    INSERT INTO "Product" ("id", "sku", "name", "isFinished", "updatedAt") VALUES
      ('11111111-1111-4111-8111-000000000001', 'MAT', 'Material', false, now()),
      ('11111111-1111-4111-8111-000000000002', 'FIN', 'Finished', true, now()),
      ('11111111-1111-4111-8111-000000000003', 'GONE', 'Emptied', false, now());
    INSERT INTO "BOM" ("id", "productId", "updatedAt") VALUES ('22222222-2222-4222-8222-000000000001', '11111111-1111-4111-8111-000000000002', now());
    INSERT INTO "StockEntry" ("productId", "change", "sourceType", "balanceAfter", "unitCost", "value") VALUES
      ('11111111-1111-4111-8111-000000000001', 10, 'RECEIPT', 10, 2, 20),
      ('11111111-1111-4111-8111-000000000001', 5, 'RECEIPT', 15, 2, 10),
      ('11111111-1111-4111-8111-000000000002', 4, 'MO_OUTPUT', 4, 5, 20),
      ('11111111-1111-4111-8111-000000000001', -6, 'MO_CONSUMPTION', 9, 2, -12),
      ('11111111-1111-4111-8111-000000000002', -1, 'MANUAL', 3, 5, -5),
      ('11111111-1111-4111-8111-000000000003', 2, 'RECEIPT', 2, 1, 2),
      ('11111111-1111-4111-8111-000000000003', -2, 'SCRAP', 0, 1, -2);
    INSERT INTO "StockLevel" ("productId", "onHand", "value", "updatedAt") VALUES
      ('11111111-1111-4111-8111-000000000001', 9, 18, now()),
      ('11111111-1111-4111-8111-000000000002', 3, 15, now()),
      ('11111111-1111-4111-8111-000000000003', 0, 0, now());`;
