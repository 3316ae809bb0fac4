// Sending a shop-floor action, or keeping it on the device when the server cannot be reached, and
// replaying what was kept (docs/domain.md "Offline tablet"):
// - every action carries `at`, the device time of the tap (corrected by the server clock's offset when
//   it is known), fixed once per Idempotency-Key: the first try and every replay send the same body;
// - it is queued instead of sent when the browser says it is offline, when earlier actions are still
//   queued (order is kept), or when the send fails without an answer (network, 502–504);
// - the queue replays in tap order on the `online` event, every 15 s while anything is queued, and on
//   each page with tablet actions; an answer takes the entry off (a replay of something already
//   applied gets the stored answer of its key and changes nothing); a refusal (4xx) marks it a
//   conflict shown on the card; no answer, 401, 429 or 5xx stop the round and it is tried again later.
// Entries carry the person who tapped them and are sent only under that person's session.
import { mutate } from "swr";
import { ApiError, errorFromResponse, errorMessage, sendJson } from "../api";
import { knownServerClockOffset } from "../workorders/detail/serverClock";
import { allQueued, canQueue, enqueue, markConflict, removeQueued, type QueuedAction, type QueuedKind } from "./queue";

const RETRY_MS = 15_000;

const stamps = new Map<string, string>();

/** The device time of the action with this key (ISO), fixed at its first use. */
export function stampFor(key: string): string {
  let at = stamps.get(key);
  if (!at) {
    at = new Date(Date.now() + knownServerClockOffset()).toISOString();
    stamps.set(key, at);
  }
  return at;
}

/** Whether a failed send got no answer from the app (so it may be kept and sent again unchanged). */
function unanswered(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 0 || err.status === 502 || err.status === 503 || err.status === 504);
}

const offline = () => typeof navigator !== "undefined" && navigator.onLine === false;

export interface TabletAction {
  kind: QueuedKind;
  wo: { id: string; code: string };
  url: string;
  body: Record<string, unknown>;
  /** The user action's Idempotency-Key. */
  key: string;
  /** Who tapped it (its replay is sent only under their session). */
  userId: string | undefined;
}

export type Sent<T> = { queued: false; value: T } | { queued: true; entry: QueuedAction };

/** Sends the action now, or queues it (see the module comment). */
export async function sendOrQueue<T>(action: TabletAction): Promise<Sent<T>> {
  const body = { ...action.body, at: stampFor(action.key) };
  const keep = async (): Promise<Sent<T>> => {
    const entry = await enqueue({ key: action.key, kind: action.kind, woId: action.wo.id, woCode: action.wo.code, url: action.url, body, at: body.at, userId: action.userId });
    startSync(action.userId);
    return { queued: true, entry };
  };
  if (canQueue() && (offline() || (await hasWaiting(action.userId)))) {
    const sent = await keep();
    if (!offline()) void flush(action.userId);
    return sent;
  }
  try {
    return { queued: false, value: await sendJson<T>(action.url, "POST", body, { idempotencyKey: action.key }) };
  } catch (err) {
    if (canQueue() && unanswered(err)) return keep();
    throw err;
  }
}

async function hasWaiting(userId: string | undefined): Promise<boolean> {
  return (await allQueued()).some((e) => e.state === "queued" && e.userId === userId);
}

let round: Promise<void> | null = null;

/** Replays the person's queued actions in tap order, one at a time (one round at a time). */
export function flush(userId: string | undefined): Promise<void> {
  round ??= replay(userId).finally(() => {
    round = null;
  });
  return round;
}

async function replay(userId: string | undefined): Promise<void> {
  let settled = false;
  try {
    for (const entry of await allQueued()) {
      if (entry.state !== "queued" || entry.userId !== userId) continue;
      let res: Response;
      try {
        res = await fetch(entry.url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": entry.key },
          body: JSON.stringify(entry.body),
        });
      } catch {
        return; // still no network: the next round tries again
      }
      if (res.ok) {
        await removeQueued(entry.seq);
        settled = true;
        continue;
      }
      const err = await errorFromResponse(res);
      if (err.status === 401 || err.status === 429 || err.status >= 500 || err.code === "IN_PROGRESS") return;
      await markConflict(entry.seq, { status: err.status, code: err.code, message: errorMessage(err) });
      settled = true;
    }
  } finally {
    // The screens refetch what the replay changed.
    if (settled) void mutate((k) => typeof k === "string" && k.startsWith("/api/workorders"));
  }
}

let started: string | undefined | null = null;
let stopSync: () => void = () => undefined;
let timer: ReturnType<typeof setInterval> | null = null;

/** Replays on `online`, every 15 s while something is queued, and now (once per page and person). */
export function startSync(userId: string | undefined): void {
  if (!canQueue() || typeof window === "undefined" || started === userId) return;
  stopSync();
  started = userId;
  const onOnline = () => void flush(userId);
  window.addEventListener("online", onOnline);
  timer = setInterval(() => {
    if (offline()) return;
    void hasWaiting(userId).then((waiting) => {
      if (waiting) void flush(userId);
    });
  }, RETRY_MS);
  stopSync = () => {
    window.removeEventListener("online", onOnline);
    if (timer) clearInterval(timer);
    timer = null;
    started = null;
  };
  if (!offline()) void flush(userId);
}
