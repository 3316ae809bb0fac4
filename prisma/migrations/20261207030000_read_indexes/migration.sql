-- Read paths at a year of data (issue 16, docs/performance.md): indexes for the lists, boards, KPIs
-- and exports that scanned or sorted whole tables.

-- MO search (`?q=`, a case-insensitive "contains" on the name and the order number): trigram indexes,
-- so ILIKE '%…%' is a bitmap index scan instead of a scan of every order. pg_trgm is a trusted
-- contrib extension (Postgres ≥ 13: the database's owner may create it). Where it is not installed
-- (embedded PGlite, which loads no extensions; a server without contrib) the search scans, as before:
-- same answers, slower on a large table. Not in schema.prisma (Prisma cannot declare the operator class).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX "ManufacturingOrder_name_trgm_idx" ON "ManufacturingOrder" USING gin ("name" gin_trgm_ops);
    CREATE INDEX "ManufacturingOrder_orderNo_trgm_idx" ON "ManufacturingOrder" USING gin ("orderNo" gin_trgm_ops);
  END IF;
END $$;

-- MO list by state, newest first (one index range per state), and the cost export of one state by
-- its creation date.
CREATE INDEX "ManufacturingOrder_state_createdAt_idx" ON "ManufacturingOrder"("state", "createdAt");
-- DONE orders by completion date: the on-time KPI, the throughput chart, the cost export (default).
CREATE INDEX "ManufacturingOrder_state_completedAt_idx" ON "ManufacturingOrder"("state", "completedAt");

-- An MO's work orders by status: progress counts (lists, board cards, KPIs "in progress") read the
-- index only, without visiting each work order.
CREATE INDEX "WorkOrder_moId_status_idx" ON "WorkOrder"("moId", "status");
-- Durations per operation (KPIs): completed work orders in (title, durationMin) order with endTime
-- beside them, so the period filter and each title's percentile read the index only, already sorted.
CREATE INDEX "WorkOrder_status_title_durationMin_endTime_idx" ON "WorkOrder"("status", "title", "durationMin", "endTime");
