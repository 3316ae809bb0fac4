-- The work center on each time log (issue 16): the labour export groups a period's logs by operator
-- and by work center, and had to join every log with its work order for the center alone (a month of a
-- year-of-data factory: Postgres hashed all ~344 k work orders, ~175 ms of the ~390 ms). The copy is
-- kept by triggers, for every writer (the app, the history generator, a script): a log always carries
-- its work order's current center, as the report's join did, so its figures do not change.
ALTER TABLE "WorkOrderTimeLog" ADD COLUMN "workCenterId" TEXT;

UPDATE "WorkOrderTimeLog" t SET "workCenterId" = w."workCenterId"
FROM "WorkOrder" w WHERE w."id" = t."workOrderId" AND w."workCenterId" IS NOT NULL;

-- A new log (or one moved to another work order) takes its work order's center.
CREATE FUNCTION mes_time_log_work_center() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."workCenterId" := (SELECT w."workCenterId" FROM "WorkOrder" w WHERE w."id" = NEW."workOrderId");
  RETURN NEW;
END $$;
CREATE TRIGGER "WorkOrderTimeLog_work_center" BEFORE INSERT OR UPDATE OF "workOrderId", "workCenterId" ON "WorkOrderTimeLog"
  FOR EACH ROW EXECUTE FUNCTION mes_time_log_work_center();

-- A work order moved to another center (or left without one, also when its center is deleted) takes its logs along.
CREATE FUNCTION mes_wo_time_logs_work_center() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "WorkOrderTimeLog" SET "workCenterId" = NEW."workCenterId"
  WHERE "workOrderId" = NEW."id" AND "workCenterId" IS DISTINCT FROM NEW."workCenterId";
  RETURN NULL;
END $$;
CREATE TRIGGER "WorkOrder_time_logs_work_center" AFTER UPDATE OF "workCenterId" ON "WorkOrder"
  FOR EACH ROW WHEN (NEW."workCenterId" IS DISTINCT FROM OLD."workCenterId")
  EXECUTE FUNCTION mes_wo_time_logs_work_center();
