-- The on-time KPI counts DONE orders completed in the period and how many of them met their
-- deadline. With the deadline in the index the count is index-only: 365 days at a year of data
-- (~95,000 orders) 87 → 25 ms, instead of a heap visit per order (issue 16). Same name and key
-- columns as before (schema.prisma's @@index([state, completedAt]); Prisma has no INCLUDE), so the
-- cost export and the throughput chart keep using it.
DROP INDEX IF EXISTS "ManufacturingOrder_state_completedAt_idx";
CREATE INDEX "ManufacturingOrder_state_completedAt_idx" ON "ManufacturingOrder" ("state", "completedAt") INCLUDE ("deadline");
