// Worked time of a work order, always derived from the server's time logs: closed logs plus the
// open one up to now. Nothing is counted in the browser, so a pause, a reload or another tablet
// never resets or drifts the timer.
import type { TimeLog } from "./types";
import { formatClock } from "../../format";

/** Milliseconds worked: the sum of closed logs plus (now − start) of the open log, if any. */
export function workedMs(logs: readonly TimeLog[], now: number): number {
  let ms = 0;
  for (const l of logs) {
    const start = Date.parse(l.startedAt);
    // A client clock behind the server's would make a fresh log negative: count it as zero.
    const end = l.endedAt ? Date.parse(l.endedAt) : now;
    ms += Math.max(0, end - start);
  }
  return ms;
}

/** Whether a log is open (the WO is running). */
export function hasOpenLog(logs: readonly TimeLog[]): boolean {
  return logs.some((l) => l.endedAt === null);
}

/** A time log's length for the log table ("running" for the open one). */
export function logLength(log: TimeLog, now: number): string {
  const end = log.endedAt ? Date.parse(log.endedAt) : now;
  return formatClock(Math.max(0, end - Date.parse(log.startedAt)));
}
