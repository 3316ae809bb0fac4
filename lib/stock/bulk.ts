// Bulk ledger loading for generated history (lib/demo/history.ts, `npm run db:fake`): the one place
// where many ledger rows are written in SQL at once, so lib/stock stays the only writer of StockEntry
// and StockLevel (docs/decisions/0009-stock-writer-lint-rule.md). Everything the ledger invariant
// checks (tests/helpers/ledger.ts) is derived here from the events, in the same statements:
// ids in event order, each balanceAfter = the product's previous balance + change, each level's
// onHand = its last balance and value = the sum of its rows' values.
//
// Locations and lots: an event may name its location and lot; without a location it is at FG when the
// product has a BOM (it is produced) and at STOCK otherwise, the rule migration 20261207010000 used
// for the stock that existed before locations. The balance per (product, location, lot) is the sum of
// its rows (docs/locations.md).
import { DEFAULT_LOCATIONS } from "../locations/defaults";

/**
 * The event table `bulkLedgerSql` reads (a temporary table the caller fills):
 * `productId, at (UTC timestamp), ord, change, sourceType, sourceId, note, scrapReason, unitCost, createdById,
 * locationId, lotId` (the last two optional).
 * Rows are ordered by (at, ord, productId, seq); `unitCost` values the row (`value` = change × unitCost, 4 decimals).
 */
export const BULK_EVENT_COLUMNS = `"productId" text NOT NULL, "at" timestamp(3) NOT NULL, "ord" int NOT NULL DEFAULT 0,
  "change" numeric(18,4) NOT NULL, "sourceType" "StockSourceType" NOT NULL, "sourceId" text, "note" text,
  "scrapReason" "ScrapReason", "unitCost" numeric(18,4) NOT NULL DEFAULT 0, "createdById" text, "locationId" text, "lotId" text, "seq" bigserial`;

/**
 * SQL (several statements, no parameters) that appends the events of `events` to the ledger after
 * everything already there, continuing each product's balance from its current level, and makes a
 * StockLevel (onHand, value) for every product id in `products` (a table or subquery with a column
 * `id`), added to any that exists. Run it inside the caller's transaction.
 */
export function bulkLedgerSql(events: string, products: string): string {
  return `
UPDATE ${events} e SET "locationId" = CASE WHEN EXISTS (SELECT 1 FROM "BOM" b WHERE b."productId" = e."productId")
  THEN '${DEFAULT_LOCATIONS.FG}' ELSE '${DEFAULT_LOCATIONS.STOCK}' END
WHERE e."locationId" IS NULL;

INSERT INTO "StockLevel" ("productId", "onHand", "value", "updatedAt")
SELECT p."id", 0, 0, now() AT TIME ZONE 'UTC' FROM ${products} p
ON CONFLICT ("productId") DO NOTHING;

INSERT INTO "StockEntry" ("id", "productId", "locationId", "lotId", "change", "sourceType", "sourceId", "note", "scrapReason",
                          "balanceAfter", "unitCost", "value", "createdById", "createdAt")
SELECT base.max_id + row_number() OVER (ORDER BY e."at", e."ord", e."productId", e."seq"),
       e."productId", e."locationId", e."lotId", e."change", e."sourceType", e."sourceId", e."note", e."scrapReason",
       l."onHand" + SUM(e."change") OVER (PARTITION BY e."productId" ORDER BY e."at", e."ord", e."seq" ROWS UNBOUNDED PRECEDING),
       e."unitCost", round(e."change" * e."unitCost", 4), e."createdById", e."at"
FROM ${events} e
JOIN "StockLevel" l ON l."productId" = e."productId"
CROSS JOIN (SELECT COALESCE(MAX("id"), 0) AS max_id FROM "StockEntry") base;

UPDATE "StockLevel" l SET "onHand" = l."onHand" + s.qty, "value" = l."value" + s.val, "updatedAt" = now() AT TIME ZONE 'UTC'
FROM (SELECT "productId", SUM("change") AS qty, SUM(round("change" * "unitCost", 4)) AS val FROM ${events} GROUP BY "productId") s
WHERE l."productId" = s."productId";

INSERT INTO "StockBalance" ("productId", "locationId", "lotId", "onHand", "updatedAt")
SELECT "productId", "locationId", "lotId", SUM("change"), now() AT TIME ZONE 'UTC' FROM ${events}
GROUP BY "productId", "locationId", "lotId" ORDER BY "productId", "locationId", "lotId" NULLS FIRST
ON CONFLICT ("productId", "locationId", "lotId") DO UPDATE SET "onHand" = "StockBalance"."onHand" + EXCLUDED."onHand", "updatedAt" = EXCLUDED."updatedAt";

SELECT setval(pg_get_serial_sequence('"StockEntry"', 'id'), GREATEST((SELECT MAX("id") FROM "StockEntry"), 1));
`;
}
