-- An MO's labour, kept on the order when it finishes (issue 16): finishMo already computes it to value
-- the output (materials + labour) ÷ producedQty, and now stores the minutes and the cost next to
-- producedQty. The costs report reads them instead of walking every order's work orders and time logs
-- (a month of a year-of-data factory: ~1.1 s → see docs/performance.md), and it now equals what the
-- output was valued at even when a work center's cost per hour changes afterwards (before, the report
-- priced old orders at today's rate). NULL while the order is not DONE: its labour so far is computed.
ALTER TABLE "ManufacturingOrder" ADD COLUMN "laborMinutes" DECIMAL(18,4), ADD COLUMN "laborCost" DECIMAL(18,4);

-- Orders finished before this migration: their closed time logs at the work centers' current rates,
-- which is what the report showed for them until now (the rate at their completion is not recorded).
-- Not an event anyone's screen needs: the outbox trigger is off for the backfill (this migration's
-- transaction holds the table's lock meanwhile), or every finished order would be broadcast again.
ALTER TABLE "ManufacturingOrder" DISABLE TRIGGER "ManufacturingOrder_outbox";
UPDATE "ManufacturingOrder" SET "laborMinutes" = 0, "laborCost" = 0 WHERE "state" = 'DONE';
UPDATE "ManufacturingOrder" m SET "laborMinutes" = l.minutes, "laborCost" = l.cost
FROM (
  SELECT w."moId",
         ROUND(SUM(EXTRACT(EPOCH FROM (t."endedAt" - t."startedAt"))::numeric / 60), 4) AS minutes,
         ROUND(SUM(EXTRACT(EPOCH FROM (t."endedAt" - t."startedAt"))::numeric / 3600 * COALESCE(c."costPerHour", 0)), 4) AS cost
  FROM "WorkOrder" w
  JOIN "WorkOrderTimeLog" t ON t."workOrderId" = w."id" AND t."endedAt" IS NOT NULL
  LEFT JOIN "WorkCenter" c ON c."id" = w."workCenterId"
  GROUP BY w."moId"
) l
WHERE m."id" = l."moId" AND m."state" = 'DONE';
ALTER TABLE "ManufacturingOrder" ENABLE TRIGGER "ManufacturingOrder_outbox";
