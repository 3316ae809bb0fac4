// Work order time logs: one open log (endedAt null) per WO while it is STARTED — a partial unique
// index guarantees at most one — belonging to the person who started or resumed it; and one pause row
// (with its reason) per pause, open while the WO is PAUSED.
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";

const Decimal = Prisma.Decimal;

/** Closes the WO's open time log, if any. */
export async function closeOpenLog(tx: Tx, woId: string, at: Date): Promise<void> {
  await tx.workOrderTimeLog.updateMany({ where: { workOrderId: woId, endedAt: null }, data: { endedAt: at } });
}

/**
 * Closes the WO's open time log and answers its worked minutes (workedMinutes's sum, the log just closed
 * included) in one statement: a STARTED WO's completion, which holds the MO's lock (and soon its materials').
 * The closed logs are read from the statement's snapshot, where the open one is still open, so the sum
 * takes it once, from what the update returned. workorders-completion.test.ts holds it equal to the two steps.
 */
export async function closeOpenLogAndSum(tx: Tx, woId: string, at: Date): Promise<Prisma.Decimal> {
  const [r] = await tx.$queryRaw<{ ms: Prisma.Decimal | null }[]>`
    WITH "closed" AS (
      UPDATE "WorkOrderTimeLog" SET "endedAt" = ${at.toISOString()}::timestamptz AT TIME ZONE 'UTC'
      WHERE "workOrderId" = ${woId} AND "endedAt" IS NULL
      RETURNING "startedAt", "endedAt"
    )
    SELECT SUM(GREATEST(0, EXTRACT(EPOCH FROM (l."endedAt" - l."startedAt")) * 1000)) AS "ms" FROM (
      SELECT "startedAt", "endedAt" FROM "closed"
      UNION ALL
      SELECT "startedAt", "endedAt" FROM "WorkOrderTimeLog" WHERE "workOrderId" = ${woId} AND "endedAt" IS NOT NULL
    ) l`;
  return new Decimal((r?.ms ?? 0).toString()).div(60_000).toDecimalPlaces(4);
}

/** Worked minutes of a WO: the sum of its closed logs (pauses are the gaps between them), 4 decimals. */
export async function workedMinutes(tx: Tx, woId: string): Promise<Prisma.Decimal> {
  const logs = await tx.workOrderTimeLog.findMany({ where: { workOrderId: woId, endedAt: { not: null } }, select: { startedAt: true, endedAt: true } });
  const ms = logs.reduce((sum, l) => sum + Math.max(0, l.endedAt!.getTime() - l.startedAt.getTime()), 0);
  return new Decimal(ms).div(60_000).toDecimalPlaces(4);
}

/**
 * Opens the WO's pause (one row per pause, with its reason): its length is downtime, summed per work
 * center and reason by the downtime and OEE reports (lib/reports/floor.ts).
 */
export async function openPause(tx: Tx, woId: string, userId: string, reasonId: string, at: Date): Promise<void> {
  await tx.workOrderPause.create({ data: { workOrderId: woId, userId, reasonId, startedAt: at } });
}

/** Ends the WO's open pause, if any: on resume and on completion from PAUSED. */
export async function endPause(tx: Tx, woId: string, at: Date): Promise<void> {
  await tx.workOrderPause.updateMany({ where: { workOrderId: woId, endedAt: null }, data: { endedAt: at } });
}
