// The queued and refused actions of one work order, kept current as the queue changes.
import { useContext, useEffect, useState } from "react";
import { MeContext } from "../useMe";
import { knownServerClockOffset } from "../workorders/detail/serverClock";
import { allQueued, isShown, markShown, onQueueChange, type QueuedAction } from "./queue";
import { registerServiceWorker } from "./register";
import { startSync } from "./sync";

/** The signed-in person's id inside the AppShell (undefined outside it). */
export function useTabletUser(): string | undefined {
  return useContext(MeContext)?.user.id;
}

/**
 * The entries of `woId` (every WO when omitted) tapped by the signed-in person, in tap order; starts
 * the replay (sync.ts) and the service worker (register.ts) on the pages with tablet actions.
 */
export function useQueued(woId?: string): QueuedAction[] {
  const userId = useTabletUser();
  const [entries, setEntries] = useState<QueuedAction[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      void allQueued().then((all) => {
        const mine = all.filter((e) => e.userId === userId && (woId === undefined || e.woId === woId));
        // Nothing queued before and after (the usual case): no new array, so no render of the card.
        if (live) setEntries((before) => (before.length === 0 && mine.length === 0 ? before : mine));
      });
    load();
    const off = onQueueChange(load);
    const unmark = woId === undefined ? () => undefined : markShown(woId);
    startSync(userId);
    registerServiceWorker();
    // Measure the tablet clock's offset now, so the first tap is already stamped in the server's time.
    knownServerClockOffset();
    return () => {
      live = false;
      off();
      unmark();
    };
  }, [woId, userId]);
  return entries;
}

/**
 * The person's refused actions of WOs without a card on screen (e.g. reassigned meanwhile), for the
 * shell; reads the queue only (no replay, no service worker).
 */
export function useOrphanConflicts(): QueuedAction[] {
  const userId = useTabletUser();
  const [entries, setEntries] = useState<QueuedAction[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      void allQueued().then((all) => {
        if (live) setEntries(all.filter((e) => e.state === "conflict" && e.userId === userId && !isShown(e.woId)));
      });
    load();
    const off = onQueueChange(load);
    return () => {
      live = false;
      off();
    };
  }, [userId]);
  return entries;
}

type Status = "PENDING" | "STARTED" | "PAUSED" | "COMPLETED";
const TARGET: Record<string, Status | undefined> = { start: "STARTED", resume: "STARTED", pause: "PAUSED", complete: "COMPLETED" };

/** The status the WO will have once its queued actions are applied: the buttons follow it. */
export function statusAfter<S extends Status>(status: S, entries: QueuedAction[]): Status {
  let s: Status = status;
  for (const e of entries) if (e.state === "queued") s = TARGET[e.kind] ?? s;
  return s;
}
