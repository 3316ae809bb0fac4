-- The shop floor (issue 14, docs/domain.md "Shop floor"): pause reasons (an admin-edited list with six
-- defaults), one row per pause of a work order so downtime per work center and reason sums in SQL,
-- work instructions on BOM operations copied into the WOs, and indexes on endedAt so the downtime and
-- OEE reports find the logs and pauses overlapping a period without reading a year of history.
CREATE TABLE "PauseReason" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "PauseReason_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PauseReason_code_format" CHECK ("code" ~ '^[A-Z][A-Z0-9_]{0,39}$')
);
CREATE UNIQUE INDEX "PauseReason_code_key" ON "PauseReason"("code");

INSERT INTO "PauseReason" ("id", "code", "name", "sortOrder", "updatedAt") VALUES
    (gen_random_uuid()::text, 'SETUP', 'Setup', 10, CURRENT_TIMESTAMP),
    (gen_random_uuid()::text, 'MATERIAL', 'Waiting for material', 20, CURRENT_TIMESTAMP),
    (gen_random_uuid()::text, 'BREAKDOWN', 'Breakdown', 30, CURRENT_TIMESTAMP),
    (gen_random_uuid()::text, 'QUALITY', 'Quality problem', 40, CURRENT_TIMESTAMP),
    (gen_random_uuid()::text, 'BREAK', 'Break', 50, CURRENT_TIMESTAMP),
    (gen_random_uuid()::text, 'OTHER', 'Other', 60, CURRENT_TIMESTAMP);

CREATE TABLE "WorkOrderPause" (
    "id" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reasonId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    CONSTRAINT "WorkOrderPause_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "WorkOrderPause_workOrderId_startedAt_idx" ON "WorkOrderPause"("workOrderId", "startedAt");
CREATE INDEX "WorkOrderPause_endedAt_idx" ON "WorkOrderPause"("endedAt");
CREATE INDEX "WorkOrderPause_reasonId_idx" ON "WorkOrderPause"("reasonId");
-- At most one open pause per WO (like the time logs' "one open per WO").
CREATE UNIQUE INDEX "WorkOrderPause_one_open_per_wo" ON "WorkOrderPause"("workOrderId") WHERE "endedAt" IS NULL;
ALTER TABLE "WorkOrderPause" ADD CONSTRAINT "WorkOrderPause_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkOrderPause" ADD CONSTRAINT "WorkOrderPause_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "WorkOrderPause" ADD CONSTRAINT "WorkOrderPause_reasonId_fkey" FOREIGN KEY ("reasonId") REFERENCES "PauseReason"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE INDEX "WorkOrderTimeLog_endedAt_idx" ON "WorkOrderTimeLog"("endedAt");

ALTER TABLE "BOMOperation" ADD COLUMN "instructions" TEXT;
ALTER TABLE "WorkOrder" ADD COLUMN "instructions" TEXT;
