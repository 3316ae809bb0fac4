-- Stock by location and lot (issue 13, docs/locations.md): locations with four fixed defaults, product
-- tracking and lots, balances per (product, location, lot) next to the per-product StockLevel, and the
-- ledger's location and lot. Existing stock moves, untracked, to STOCK (materials) or FG (products with
-- a BOM); so do the existing ledger rows, so the invariant holds per key as it did per product.
CREATE TYPE "LocationKind" AS ENUM ('STORAGE', 'WIP', 'FINISHED', 'QUARANTINE', 'SCRAP');
CREATE TYPE "Tracking" AS ENUM ('NONE', 'LOT', 'SERIAL');
ALTER TYPE "StockSourceType" ADD VALUE 'TRANSFER_OUT';
ALTER TYPE "StockSourceType" ADD VALUE 'TRANSFER_IN';
ALTER TYPE "StockSourceType" ADD VALUE 'COUNT';

CREATE TABLE "Location" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "LocationKind" NOT NULL DEFAULT 'STORAGE',
    "parentId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Location_code_key" ON "Location"("code");
CREATE INDEX "Location_parentId_idx" ON "Location"("parentId");
ALTER TABLE "Location" ADD CONSTRAINT "Location_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The defaults, with fixed ids (lib/locations/defaults.ts).
INSERT INTO "Location" ("id", "code", "name", "kind", "updatedAt") VALUES
  ('00000000-0000-4000-8000-000000000101', 'STOCK', 'Stock', 'STORAGE', CURRENT_TIMESTAMP),
  ('00000000-0000-4000-8000-000000000102', 'WIP', 'Work in progress', 'WIP', CURRENT_TIMESTAMP),
  ('00000000-0000-4000-8000-000000000103', 'FG', 'Finished goods', 'FINISHED', CURRENT_TIMESTAMP),
  ('00000000-0000-4000-8000-000000000104', 'QC', 'Quality control', 'QUARANTINE', CURRENT_TIMESTAMP);

ALTER TABLE "Product" ADD COLUMN "tracking" "Tracking" NOT NULL DEFAULT 'NONE';

CREATE TABLE "Lot" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Lot_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Lot_productId_code_key" ON "Lot"("productId", "code");
ALTER TABLE "Lot" ADD CONSTRAINT "Lot_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One balance per (product, location, lot); an untracked balance has lotId NULL, and NULLS NOT
-- DISTINCT makes that one key (so ON CONFLICT finds it).
CREATE TABLE "StockBalance" (
    "id" BIGSERIAL NOT NULL,
    "productId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "lotId" TEXT,
    "onHand" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StockBalance_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "StockBalance_productId_locationId_lotId_key" ON "StockBalance"("productId", "locationId", "lotId") NULLS NOT DISTINCT;
CREATE INDEX "StockBalance_locationId_idx" ON "StockBalance"("locationId");
CREATE INDEX "StockBalance_lotId_idx" ON "StockBalance"("lotId");
ALTER TABLE "StockBalance" ADD CONSTRAINT "StockBalance_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StockBalance" ADD CONSTRAINT "StockBalance_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StockBalance" ADD CONSTRAINT "StockBalance_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "StockEntry" ADD COLUMN "locationId" TEXT;
ALTER TABLE "StockEntry" ADD COLUMN "lotId" TEXT;

-- Existing data: products with a BOM are produced, so their stock is finished goods (FG); the rest is STOCK.
UPDATE "StockEntry" e SET "locationId" = CASE
  WHEN EXISTS (SELECT 1 FROM "BOM" b WHERE b."productId" = e."productId") THEN '00000000-0000-4000-8000-000000000103'
  ELSE '00000000-0000-4000-8000-000000000101' END;
INSERT INTO "StockBalance" ("productId", "locationId", "lotId", "onHand", "updatedAt")
SELECT l."productId",
       CASE WHEN EXISTS (SELECT 1 FROM "BOM" b WHERE b."productId" = l."productId") THEN '00000000-0000-4000-8000-000000000103'
            ELSE '00000000-0000-4000-8000-000000000101' END,
       NULL, l."onHand", CURRENT_TIMESTAMP
FROM "StockLevel" l WHERE l."onHand" <> 0
ORDER BY l."productId";

ALTER TABLE "StockEntry" ALTER COLUMN "locationId" SET NOT NULL;
CREATE INDEX "StockEntry_locationId_id_idx" ON "StockEntry"("locationId", "id");
CREATE INDEX "StockEntry_lotId_idx" ON "StockEntry"("lotId");
ALTER TABLE "StockEntry" ADD CONSTRAINT "StockEntry_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StockEntry" ADD CONSTRAINT "StockEntry_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
