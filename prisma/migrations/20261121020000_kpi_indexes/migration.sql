-- Dashboard KPIs: throughput and on-time rate by completion date, WOs completed per period.
CREATE INDEX "ManufacturingOrder_completedAt_idx" ON "ManufacturingOrder"("completedAt");
DROP INDEX "WorkOrder_status_idx";
CREATE INDEX "WorkOrder_status_endTime_idx" ON "WorkOrder"("status", "endTime");
