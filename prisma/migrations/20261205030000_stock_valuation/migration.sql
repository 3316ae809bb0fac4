-- Stock valued at moving average cost (issue 12 item 6, docs/domain.md "Valuation"): each ledger row
-- carries the cost per unit it was valued at and its value (change × unitCost); each level carries
-- the stock's value, maintained by lib/stock/post.ts under the same row lock as onHand.
ALTER TABLE "StockEntry" ADD COLUMN "unitCost" DECIMAL(18,4) NOT NULL DEFAULT 0;
ALTER TABLE "StockEntry" ADD COLUMN "value" DECIMAL(18,4) NOT NULL DEFAULT 0;
ALTER TABLE "StockLevel" ADD COLUMN "value" DECIMAL(18,4) NOT NULL DEFAULT 0;

-- Existing rows: valued at their product's current unit cost (0 when it has none), so that the new
-- invariant (level value = Σ entry values) holds from the start.
UPDATE "StockEntry" e
SET "unitCost" = p."unitCost", "value" = ROUND(e."change" * p."unitCost", 4)
FROM "Product" p
WHERE p."id" = e."productId" AND p."unitCost" IS NOT NULL;

UPDATE "StockLevel" l
SET "value" = s.total
FROM (SELECT "productId", SUM("value") AS total FROM "StockEntry" GROUP BY "productId") s
WHERE s."productId" = l."productId";
