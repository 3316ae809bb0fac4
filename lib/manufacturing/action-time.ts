// When a shop-floor action happened. A tablet that lost the network queues its taps and replays them
// later, each with `at`, the device's time of the tap (docs/domain.md "Offline tablet"); the server
// books that time instead of its own, within sanity checks:
// - not in the future: more than CLOCK_SKEW_MS ahead of the server → 400 (details code AT_IN_FUTURE);
//   less than that is a clock difference and is booked as the server's now;
// - not older than MAX_AGE_MS (the idempotency keys' lifetime, so a replay is still recognised) → 400
//   AT_TOO_OLD;
// - not before the WO's previous transition (its last time log or pause start/end): more than
//   CLOCK_SKEW_MS before it → 400 AT_BEFORE_PREVIOUS; less is booked at the previous transition, so
//   a WO's logs and pauses never overlap or run backwards;
// - a start does not overlap the person's own work elsewhere beyond what MAX_RUNNING_WOS_PER_OPERATOR
//   allows (409 INVALID_STATE, rule OVERLAP): another device may have booked it meanwhile.
// Without `at` the server's now is booked, as before.
import type { Actor } from "../auth/permissions";
import type { Tx } from "../db/client";
import { env } from "../env";
import { badRequest, invalidState } from "../errors";

/** How far a device clock may be ahead of (or a booking behind) the server's before it is refused. */
export const CLOCK_SKEW_MS = 60_000;
/** The oldest `at` accepted: 24 h, as long as an Idempotency-Key is remembered. */
export const MAX_AGE_MS = 24 * 60 * 60_000;

/** Why an `at` was refused: the `code` of the 400's detail on `at`. */
export type ActionTimeRefusal = "AT_IN_FUTURE" | "AT_TOO_OLD" | "AT_BEFORE_PREVIOUS";

function refuse(code: ActionTimeRefusal, message: string, extra: Record<string, string> = {}): never {
  throw badRequest(message, [{ path: "at", code, message, ...extra }]);
}

/**
 * Checks a comment's (or any record's) device time against the clock alone and returns the instant to
 * book: now without `at`, `at` clamped to now when it is at most CLOCK_SKEW_MS ahead.
 */
export function deviceTime(at: Date | undefined, now = new Date()): Date {
  if (!at) return now;
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    refuse("AT_IN_FUTURE", `at ${at.toISOString()} is in the future (the server's time is ${now.toISOString()}): check the device's clock.`, { serverTime: now.toISOString() });
  }
  if (at.getTime() < now.getTime() - MAX_AGE_MS) {
    refuse("AT_TOO_OLD", `at ${at.toISOString()} is more than 24 hours ago: an action that old is not booked; enter it by hand.`, { serverTime: now.toISOString() });
  }
  return at.getTime() > now.getTime() ? now : at;
}

/** The WO's last transition: the latest start or end of its time logs and pauses (null when none). */
async function previousTransition(tx: Tx, woId: string): Promise<Date | null> {
  const logs = await tx.workOrderTimeLog.aggregate({ where: { workOrderId: woId }, _max: { startedAt: true, endedAt: true } });
  const pauses = await tx.workOrderPause.aggregate({ where: { workOrderId: woId }, _max: { startedAt: true, endedAt: true } });
  const times = [logs._max.startedAt, logs._max.endedAt, pauses._max.startedAt, pauses._max.endedAt].filter((d): d is Date => d !== null);
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}

/**
 * The instant a WO transition is booked at: `deviceTime`, then not before the WO's previous
 * transition (see the module comment). Call it under the MO lock, after the state checks. `now` is
 * the server's clock for this request: pass the same instant to `assertNoOverlap`, so a start without
 * `at` (booked at now) is never taken for one in the past because the clock ticked in between.
 */
export async function transitionTime(tx: Tx, woId: string, at: Date | undefined, now = new Date()): Promise<Date> {
  const t = deviceTime(at, now);
  if (!at) return t;
  const previous = await previousTransition(tx, woId);
  if (!previous || t >= previous) return t;
  if (previous.getTime() - t.getTime() > CLOCK_SKEW_MS) {
    refuse("AT_BEFORE_PREVIOUS", `at ${at.toISOString()} is before this work order's previous step (${previous.toISOString()}): it was changed meanwhile.`, {
      previous: previous.toISOString(),
    });
  }
  return previous;
}

/**
 * A start booked in the past must not overlap the person's own work on other WOs beyond the parallel
 * limit: logs still open or closed after `at` count as running at `at` (409, rule OVERLAP).
 */
export async function assertNoOverlap(tx: Tx, actor: Actor, woId: string, at: Date, now: Date): Promise<void> {
  const max = env().MAX_RUNNING_WOS_PER_OPERATOR;
  if (max === 0 || at >= now) return;
  const running = await tx.workOrderTimeLog.findMany({
    where: { userId: actor.id, workOrderId: { not: woId }, OR: [{ endedAt: null }, { endedAt: { gt: at } }] },
    orderBy: { startedAt: "asc" },
    select: { endedAt: true, workOrder: { select: { id: true, code: true } } },
  });
  const wos = new Map(running.map((r) => [r.workOrder.id, r.workOrder]));
  if (wos.size >= max) {
    const first = running[0]!;
    throw invalidState(
      `You were working on ${first.workOrder.code} ${first.endedAt ? `until ${first.endedAt.toISOString()}` : "already"}: a start at ${at.toISOString()} would overlap it.`,
      { rule: "OVERLAP", at: at.toISOString(), running: [...wos.values()], max },
    );
  }
}
