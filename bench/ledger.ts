// The one place the bench writes the ledger by hand (eslint.config.mjs allows raw StockEntry/
// StockLevel writes only in lib/stock, tests/helpers/ledger.ts and here): the raw-SQL floor of the
// posting benchmark, and the bulk fill of the export benchmark.
import type { Client, PoolClient } from "pg";
import { DEFAULT_LOCATIONS } from "../lib/locations/defaults";

/**
 * The writes of one posting by hand, inside the caller's transaction that already holds the level's
 * row lock: the new balance on the level and one MANUAL entry.
 */
export async function writePostingRaw(c: PoolClient, productId: string, change: number, balanceAfter: string, actorId: string): Promise<void> {
  await c.query(`UPDATE "StockLevel" SET "onHand" = $2, "updatedAt" = now() WHERE "productId" = $1`, [productId, balanceAfter]);
  await c.query(
    `INSERT INTO "StockBalance" ("productId", "locationId", "onHand", "updatedAt") VALUES ($1, $2, $3, now())
     ON CONFLICT ("productId", "locationId", "lotId") DO UPDATE SET "onHand" = "StockBalance"."onHand" + EXCLUDED."onHand"`,
    [productId, DEFAULT_LOCATIONS.STOCK, change],
  );
  await c.query(
    `INSERT INTO "StockEntry" ("productId", "locationId", "change", "sourceType", "note", "balanceAfter", "createdById", "createdAt")
     VALUES ($1, $5, $2, 'MANUAL', 'bench', $3, $4, now())`,
    [productId, change, balanceAfter, actorId, DEFAULT_LOCATIONS.STOCK],
  );
}

/**
 * `rows` ledger entries of +1 spread round-robin over `productIdOf(k)` for k < products, over the
 * last year, by `userId`; then each product's level as the sum (balanceAfter is the running sum).
 * Entry ids are 1..rows: for an empty ledger only.
 */
export async function fillLedgerRaw(c: Client, rows: number, products: number, productIdSql: string, userId: string): Promise<void> {
  await c.query(
    `INSERT INTO "StockEntry" ("id", "productId", "locationId", "change", "sourceType", "sourceId", "note", "balanceAfter", "createdById", "createdAt")
     SELECT g,
            ${productIdSql.replaceAll("$K", `((g - 1) % ${products})`)},
            '${DEFAULT_LOCATIONS.STOCK}',
            1,
            (ARRAY['RECEIPT', 'MANUAL', 'MO_OUTPUT', 'INITIAL']::"StockSourceType"[])[1 + g % 4],
            'BENCH-' || g,
            'bench entry ' || g,
            (g - 1) / ${products} + 1,
            $2,
            (now() AT TIME ZONE 'UTC') - interval '365 days' + g * (interval '365 days' / $1::int)
     FROM generate_series(1, $1::int) g`,
    [rows, userId],
  );
  await c.query(`
    INSERT INTO "StockLevel" ("productId", "onHand", "updatedAt")
    SELECT "productId", SUM("change"), now() FROM "StockEntry" GROUP BY "productId"`);
  await c.query(`
    INSERT INTO "StockBalance" ("productId", "locationId", "onHand", "updatedAt")
    SELECT "productId", "locationId", SUM("change"), now() FROM "StockEntry" GROUP BY "productId", "locationId"`);
  await c.query(`SELECT setval(pg_get_serial_sequence('"StockEntry"', 'id'), $1::bigint)`, [rows]);
}
