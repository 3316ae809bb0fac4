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
