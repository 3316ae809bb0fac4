// Work order time logs: one open log (endedAt null) per WO while it is STARTED — a partial unique
// index guarantees at most one — belonging to the person who started or resumed it.
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
