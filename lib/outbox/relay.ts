// The outbox relay (docs/events.md, decision 0017): every app instance runs one. Triggers write an
// "EventOutbox" row in the same transaction as each change (any writer) and pg_notify('mes_events');
// the relay LISTENs (a dedicated pg connection on Postgres, PGlite's listen in-process), and on start,
// on every notification and on every reconnect reads the rows after the last one it delivered. Rows
// are read in ("txid", "id") order and only once every transaction older than the reader's snapshot
// has ended (txid < xmin): a transaction that committed late with a lower id is then never skipped, and
// the cursor (txid, id) only moves forward, so each row is delivered once per instance.
//
// Shared consumers (webhook recording) read the same rows once across all instances: under an advisory
// lock, from a cursor row in "EventOutboxCursor" advanced in the transaction that records them.
import { db, prisma, type Tx } from "../db/client";
import type { DomainEvent, EventName } from "../realtime/events";

export const OUTBOX_CHANNEL = "mes_events";
/** Rows older than this are pruned once every shared consumer read them. */
export const OUTBOX_KEEP_MS = 10 * 60_000;
const BATCH = 500;
const PRUNE_EVERY_MS = 60_000;
/** A safety read now and then (a notification can only be missed while the LISTEN connection is down). */
const SAFETY_POLL_MS = 10_000;

/** An outbox row as the relay hands it on: the domain event plus where it came from. */
export interface OutboxEvent extends DomainEvent {
  /** The row's id (bigserial). */
  outboxId: bigint;
  /** What sockets and webhook receivers see as the event's id (a UUID). */
  eventId: string;
  entityId: string | null;
  createdAt: Date;
}

interface Row {
  id: bigint;
  txid: bigint;
  eventId: string;
  topic: string;
  entityId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
  ready: boolean;
}

/** A position in the outbox: after the row (txid, id). */
export interface Cursor {
  txid: bigint;
  id: bigint;
}

const toEvent = (r: Row): OutboxEvent => ({ name: r.topic as EventName, payload: r.payload, outboxId: r.id, eventId: r.eventId, entityId: r.entityId, createdAt: r.createdAt });

/** The rows after `c`, in order, each marked ready when every older transaction has ended. */
async function rowsAfter(q: Tx | ReturnType<typeof prisma>, c: Cursor): Promise<Row[]> {
  return q.$queryRaw<Row[]>`
    SELECT o."id", o."txid", o."eventId", o."topic", o."entityId", o."payload", o."createdAt",
           o."txid" < (pg_snapshot_xmin(pg_current_snapshot())::text::bigint) AS "ready"
    FROM "EventOutbox" o
    WHERE (o."txid", o."id") > (${c.txid}, ${c.id})
    ORDER BY o."txid", o."id"
    LIMIT ${BATCH}`;
}

/** Where a reader starting now begins: after everything already finished before it. */
async function startCursor(q: Tx | ReturnType<typeof prisma>): Promise<Cursor> {
  const [r] = await q.$queryRaw<{ xmin: bigint }[]>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS "xmin"`;
  return { txid: r!.xmin, id: 0n };
}

/** Splits rows into the deliverable prefix and whether some are held back (an older transaction is still open). */
function readyPrefix(rows: Row[]): { ready: Row[]; heldBack: boolean } {
  const i = rows.findIndex((r) => !r.ready);
  return i < 0 ? { ready: rows, heldBack: false } : { ready: rows.slice(0, i), heldBack: true };
}

/**
 * A consumer that must see each event once across all instances. It runs in the transaction that
 * advances its cursor; what it returns runs after the commit (e.g. queueing jobs).
 */
export type SharedConsumer = (tx: Tx, events: OutboxEvent[]) => Promise<(() => Promise<void>) | void>;
const gs = globalThis as unknown as { __mesOutboxConsumers?: Map<string, SharedConsumer> };

/** Installs (or, with undefined, removes) a shared consumer; shared through globalThis with Next's bundles. */
export function setSharedConsumer(name: string, fn: SharedConsumer | undefined): void {
  gs.__mesOutboxConsumers ??= new Map();
  if (fn) gs.__mesOutboxConsumers.set(name, fn);
  else gs.__mesOutboxConsumers.delete(name);
}

/** Installs a shared consumer, first making sure its cursor exists (starting from now if it did not). */
export async function registerSharedConsumer(name: string, fn: SharedConsumer): Promise<void> {
  const c = await startCursor(prisma());
  await prisma().$executeRaw`INSERT INTO "EventOutboxCursor" ("name", "txid", "id") VALUES (${name}, ${c.txid}, ${c.id}) ON CONFLICT ("name") DO NOTHING`;
  setSharedConsumer(name, fn);
}

/** Runs one shared consumer over what is new for it; returns whether rows were held back. */
async function consumeShared(name: string, fn: SharedConsumer): Promise<boolean> {
  let heldBack = false;
  let more = true;
  while (more) {
    const after = await prisma().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mes:outbox-consumer'), hashtext(${name}))`;
        let [cursor] = await tx.$queryRaw<Cursor[]>`SELECT "txid", "id" FROM "EventOutboxCursor" WHERE "name" = ${name}`;
        if (!cursor) {
          cursor = await startCursor(tx);
          await tx.$executeRaw`INSERT INTO "EventOutboxCursor" ("name", "txid", "id") VALUES (${name}, ${cursor.txid}, ${cursor.id})`;
        }
        const rows = await rowsAfter(tx, cursor);
        const part = readyPrefix(rows);
        heldBack = part.heldBack;
        more = part.ready.length === BATCH;
        if (!part.ready.length) return undefined;
        const last = part.ready.at(-1)!;
        const then = await fn(tx, part.ready.map(toEvent));
        await tx.$executeRaw`UPDATE "EventOutboxCursor" SET "txid" = ${last.txid}, "id" = ${last.id}, "updatedAt" = now() WHERE "name" = ${name}`;
        return then ?? undefined;
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
    if (after) await after();
  }
  return heldBack;
}

/** Deletes rows older than OUTBOX_KEEP_MS that every shared consumer read; one instance at a time. */
export async function pruneOutbox(keepMs = OUTBOX_KEEP_MS): Promise<number> {
  const cutoff = new Date(Date.now() - keepMs);
  return prisma().$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('mes:outbox-prune')) AS "ok"`;
    if (!lock?.ok) return 0;
    return tx.$executeRaw`
      DELETE FROM "EventOutbox" o
      WHERE o."createdAt" < ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM "EventOutboxCursor" c WHERE (o."txid", o."id") > (c."txid", c."id"))`;
  });
}

export interface RelayOptions {
  /** Hands events to this instance's own sockets (in order; awaited before the next batch). */
  deliver(events: OutboxEvent[]): Promise<void>;
  /** Postgres: LISTEN on a dedicated connection to this URL. Without it the process's PGlite is used. */
  databaseUrl?: string;
  /** Resume after this position (a relay restarted in the same process); default: from now. */
  after?: Cursor;
}

export interface Relay {
  /** Settles when what is known now has been delivered (tests). */
  idle(): Promise<void>;
  /** The last row delivered to this instance's sockets. */
  position(): Cursor;
  /** Reads now (as a notification would). */
  poke(): void;
  /** How many rounds of reading (this instance's rows, then the shared consumers') it has made (tests, diagnostics). */
  rounds(): number;
  stop(): Promise<void>;
}

const RECONNECT_MS = [100, 250, 500, 1000, 2000, 5000];

/** Starts the relay of this instance: catch-up read, then LISTEN; resolves once listening. */
export async function startRelay(opts: RelayOptions): Promise<Relay> {
  let stopped = false;
  let cursor = opts.after ?? (await startCursor(prisma()));
  let running: Promise<void> | undefined;
  let again = false;
  let retry: NodeJS.Timeout | undefined;

  const drainLocal = async (): Promise<boolean> => {
    for (;;) {
      const part = readyPrefix(await rowsAfter(prisma(), cursor));
      if (part.ready.length) {
        const last = part.ready.at(-1)!;
        try {
          await opts.deliver(part.ready.map(toEvent));
        } catch (err) {
          console.error("[outbox] delivery failed", err);
        }
        cursor = { txid: last.txid, id: last.id };
      }
      if (part.ready.length < BATCH || part.heldBack) return part.heldBack;
    }
  };

  const round = async () => {
    rounds++;
    let heldBack = await drainLocal();
    for (const [name, fn] of gs.__mesOutboxConsumers ?? []) {
      try {
        heldBack = (await consumeShared(name, fn)) || heldBack;
      } catch (err) {
        console.error(`[outbox] consumer ${name} failed`, err instanceof Error ? err.message : err);
        heldBack = true; // try again shortly
      }
    }
    // An older transaction was still open: read again soon (it may write nothing, so no notification comes).
    if (heldBack && !stopped && !retry) retry = setTimeout(() => ((retry = undefined), poke()), 50);
  };

  // A commit that wrote n outbox rows sends n notifications, which arrive together (one read of the LISTEN
  // connection): the round starts on the next turn of the event loop, so they make one round and not two
  // (the second, started by the notifications that came while the first ran, found nothing: six statements).
  let scheduled = false;
  let rounds = 0;
  const poke = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (scheduled) return;
    scheduled = true;
    setImmediate(startRound);
  };
  const startRound = () => {
    scheduled = false;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await round();
        } catch (err) {
          console.error("[outbox] read failed", err instanceof Error ? err.message : err);
          if (!stopped && !retry) retry = setTimeout(() => ((retry = undefined), poke()), 1000);
        }
      } while (again && !stopped);
    })().finally(() => (running = undefined));
  };

  // LISTEN: PGlite in-process, or a dedicated Postgres connection that reconnects (and catches up).
  let unlisten: () => Promise<void> = async () => undefined;
  const handle = db();
  if (!opts.databaseUrl || handle.kind === "pglite") {
    const off = await handle.pglite!.listen(OUTBOX_CHANNEL, () => poke());
    unlisten = () => off();
  } else {
    const { Client } = await import("pg");
    let client: InstanceType<typeof Client> | undefined;
    let attempt = 0;
    let reconnect: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      if (stopped) return;
      const c = new Client({ connectionString: opts.databaseUrl, connectionTimeoutMillis: 10_000 });
      let lost = false;
      const onLost = (why: string) => {
        if (lost) return;
        lost = true;
        if (client === c) client = undefined;
        void c.end().catch(() => undefined);
        if (stopped) return;
        console.warn(`[outbox] LISTEN connection lost (${why}); reconnecting`);
        const delay = RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]!;
        reconnect = setTimeout(() => void connect(), delay);
      };
      c.on("error", (err) => onLost(err.message));
      c.on("end", () => onLost("ended"));
      c.on("notification", () => poke());
      try {
        await c.connect();
        await c.query(`LISTEN ${OUTBOX_CHANNEL}`);
        if (stopped) return void (await c.end());
        client = c;
        attempt = 0;
        poke(); // catch up on what was written while not listening
      } catch (err) {
        onLost(err instanceof Error ? err.message : String(err));
      }
    };
    await connect();
    unlisten = async () => {
      if (reconnect) clearTimeout(reconnect);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    };
  }

  const safety = setInterval(poke, SAFETY_POLL_MS);
  safety.unref();
  const prune = () => void pruneOutbox().catch((err: unknown) => console.warn("[outbox] prune failed", err instanceof Error ? err.message : err));
  const pruning = setInterval(prune, PRUNE_EVERY_MS);
  pruning.unref();
  poke();

  return {
    async idle() {
      while (running || retry || scheduled) await (running ?? new Promise((r) => setTimeout(r, 20)));
    },
    poke,
    rounds: () => rounds,
    position: () => cursor,
    async stop() {
      stopped = true;
      clearInterval(safety);
      clearInterval(pruning);
      if (retry) clearTimeout(retry);
      retry = undefined;
      await unlisten();
      await running;
    },
  };
}
