// The tablet's queue of shop-floor actions that could not reach the server: kept on the device in
// IndexedDB (through `idb`), so a reload or a closed tab loses nothing. One entry per user action, in
// the order they were tapped, each with its Idempotency-Key and its body (which carries `at`, the
// device time of the tap), sent unchanged on every replay (sync.ts). An entry the server refused stays,
// marked as a conflict, until the person has read it.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";

/** What was tapped: the words of the queue list (offline.kind.*). */
export type QueuedKind = "start" | "resume" | "pause" | "complete" | "comment";

export interface QueuedAction {
  /** Order of the taps (IndexedDB's auto-increment key). */
  seq: number;
  /** Who tapped it: replayed only under their session. */
  userId: string | undefined;
  /** The Idempotency-Key of the action, the same on every replay. */
  key: string;
  kind: QueuedKind;
  woId: string;
  woCode: string;
  url: string;
  /** The JSON body as first built, with `at`. */
  body: Record<string, unknown>;
  /** The device time of the tap (ISO), what the server books. */
  at: string;
  state: "queued" | "conflict";
  /** Why the server refused it (state conflict). */
  error?: { status: number; code: string; message: string };
}

export type NewQueuedAction = Omit<QueuedAction, "seq" | "state" | "error">;

interface QueueDb extends DBSchema {
  actions: { key: number; value: QueuedAction };
}

const DB_NAME = "mes-offline";
const STORE = "actions";

let dbPromise: Promise<IDBPDatabase<QueueDb>> | null = null;

function db(): Promise<IDBPDatabase<QueueDb>> {
  dbPromise ??= openDB<QueueDb>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE, { keyPath: "seq", autoIncrement: true });
    },
  });
  return dbPromise;
}

/** Whether this browser can keep a queue at all (IndexedDB; not on the server). */
export function canQueue(): boolean {
  return typeof indexedDB !== "undefined";
}

const listeners = new Set<() => void>();
/** Called after every change of the queue (this tab); returns the unsubscribe. */
export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
// One notification per burst of changes, after the current task's synchronous work: every card on
// screen marks itself shown as it mounts, and each mark used to call every listener at once — the
// operator's list of n cards re-read the queue n²/2 times (200 cards: ~20,000 IndexedDB reads, seconds
// of a tablet's time before its first button worked; bench/pages.ts).
let pending = false;
function changed(): void {
  if (pending) return;
  pending = true;
  queueMicrotask(() => {
    pending = false;
    for (const l of [...listeners]) l();
  });
}

// The WOs whose card (WoActions) is on screen now: their entries are shown there; the shell shows the
// conflicts of the others (a WO reassigned meanwhile has no card any more).
const shown = new Map<string, number>();

/** Notes that `woId`'s card is on screen until the returned function is called. */
export function markShown(woId: string): () => void {
  shown.set(woId, (shown.get(woId) ?? 0) + 1);
  changed();
  return () => {
    const n = (shown.get(woId) ?? 1) - 1;
    if (n > 0) shown.set(woId, n);
    else shown.delete(woId);
    changed();
  };
}

/** Whether `woId`'s card is on screen. */
export function isShown(woId: string): boolean {
  return shown.has(woId);
}

/** Adds an action at the end of the queue. */
export async function enqueue(action: NewQueuedAction): Promise<QueuedAction> {
  const d = await db();
  const value = { ...action, state: "queued" } as QueuedAction;
  const seq = await d.add(STORE, value);
  changed();
  return { ...value, seq };
}

/** Every entry, in the order tapped. */
export async function allQueued(): Promise<QueuedAction[]> {
  if (!canQueue()) return [];
  return (await db()).getAll(STORE);
}

/** Takes an entry off the queue (sent, or a conflict the person has read). */
export async function removeQueued(seq: number): Promise<void> {
  await (await db()).delete(STORE, seq);
  changed();
}

/** Marks an entry as refused by the server; it stays until acknowledged. */
export async function markConflict(seq: number, error: QueuedAction["error"]): Promise<void> {
  const d = await db();
  const entry = await d.get(STORE, seq);
  if (!entry) return;
  await d.put(STORE, { ...entry, state: "conflict", error });
  changed();
}
