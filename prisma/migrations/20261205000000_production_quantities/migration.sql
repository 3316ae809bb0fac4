-- Production as it happens (issue 12, docs/domain.md "Production"): good and scrap per work order,
-- what the MO really produced and scrapped, backorders and sub-assembly (child) orders linked both
-- ways, and scrap of stock as its own ledger source with a reason from a fixed list.
CREATE TYPE "ScrapReason" AS ENUM ('DAMAGED', 'EXPIRED', 'QUALITY', 'PROCESS', 'OTHER');
ALTER TYPE "StockSourceType" ADD VALUE 'SCRAP';

ALTER TABLE "WorkOrder" ADD COLUMN "goodQty" DECIMAL(18,4);
ALTER TABLE "WorkOrder" ADD COLUMN "scrapQty" DECIMAL(18,4);
ALTER TABLE "WorkOrder" ADD COLUMN "scrapReason" "ScrapReason";
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_quantities_nonnegative" CHECK (("goodQty" IS NULL OR "goodQty" >= 0) AND ("scrapQty" IS NULL OR "scrapQty" >= 0));

ALTER TABLE "ManufacturingOrder" ADD COLUMN "scrapQty" DECIMAL(18,4);
ALTER TABLE "ManufacturingOrder" ADD COLUMN "backorderOfId" TEXT;
ALTER TABLE "ManufacturingOrder" ADD COLUMN "parentId" TEXT;
ALTER TABLE "ManufacturingOrder" ADD CONSTRAINT "ManufacturingOrder_backorderOfId_fkey" FOREIGN KEY ("backorderOfId") REFERENCES "ManufacturingOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ManufacturingOrder" ADD CONSTRAINT "ManufacturingOrder_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ManufacturingOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- One backorder per MO: a double-tapped "close short with backorder" cannot make two.
CREATE UNIQUE INDEX "ManufacturingOrder_backorderOfId_key" ON "ManufacturingOrder"("backorderOfId");
CREATE INDEX "ManufacturingOrder_parentId_idx" ON "ManufacturingOrder"("parentId");

ALTER TABLE "StockEntry" ADD COLUMN "scrapReason" "ScrapReason";
