-- Issue 13 part 5 (docs/locations.md "Manufacturing orders"): an MO may name where its materials are
-- taken from and where its output goes. NULL keeps the behaviour from before: consumption picked
-- (STOCK first), output to FG. Existing orders keep NULL.
ALTER TABLE "ManufacturingOrder" ADD COLUMN "sourceLocationId" TEXT;
ALTER TABLE "ManufacturingOrder" ADD COLUMN "destLocationId" TEXT;
ALTER TABLE "ManufacturingOrder" ADD CONSTRAINT "ManufacturingOrder_sourceLocationId_fkey" FOREIGN KEY ("sourceLocationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ManufacturingOrder" ADD CONSTRAINT "ManufacturingOrder_destLocationId_fkey" FOREIGN KEY ("destLocationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
