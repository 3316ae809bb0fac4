// The webhook job queue: pg-boss (docs/webhooks.md, "Delivery"), started and stopped with the server
// (server.ts, tests/helpers/server.ts). One job is one attempt at one delivery (data: its id); the
// delivery rows (lib/webhooks/deliver.ts) are the truth and a job only says "try this one now", so a
// duplicate job is harmless and a lost one is found again by the sweep (a pg-boss cron job, every
// minute, and once at start). On Postgres pg-boss has its own small pool; on embedded PGlite it runs
// its SQL on the app's one PGlite session (PGlite queues statements, and Prisma's transactions hold it).
import PgBoss from "pg-boss";
import { Pool } from "pg";
import { db } from "../db/client";
import { env } from "../env";
import { registerSharedConsumer, setSharedConsumer } from "../outbox/relay";
import { runDelivery, sweep } from "./deliver";
import { recordOutboxEvents } from "./enqueue";

export const DELIVER_QUEUE = "webhook-deliver";
export const SWEEP_QUEUE = "webhook-sweep";

/** What the use cases (in either copy of lib/, see docs/architecture.md) reach through globalThis. */
export interface WebhookRuntime {
  /** Queues an attempt for each delivery id, now or at `startAfter` (a queued one for the same id is kept). */
  schedule(ids: bigint[], startAfter?: Date, opts?: { fresh?: boolean }): Promise<void>;
  /** Settles when the running deliveries are done. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const g = globalThis as unknown as { __mesWebhooks?: WebhookRuntime };

/** The running queue of this process, if the server started one. */
export const webhookRuntime = (): WebhookRuntime | undefined => g.__mesWebhooks;

interface SqlDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

/** pg-boss's `db` option over the app's database: its own pg pool, or the one PGlite session. */
function bossDb(databaseUrl: string | undefined): SqlDb {
  const handle = db();
  let open = true;
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  };
  const closed = () => Promise.reject(new Error("the webhook queue is stopped"));
  if (handle.kind === "pglite") {
    const pglite = handle.pglite!;
    return {
      executeSql(text, values) {
        if (!open) return closed();
        // pg-boss sends scripts (BEGIN; …; COMMIT) without parameters: PGlite runs those with exec.
        if (!values?.length) return track(pglite.exec(text).then((r) => ({ rows: (r.at(-1)?.rows ?? []) as unknown[] })));
        return track(pglite.query(text, values).then((r) => ({ rows: r.rows as unknown[] })));
      },
      async close() {
        open = false;
        await Promise.allSettled([...inFlight]);
      },
    };
  }
  const url = databaseUrl ?? env().DATABASE_URL;
  if (!url) throw new Error("webhooks: no DATABASE_URL for the job queue");
  const pool = new Pool({ connectionString: url, max: 3, application_name: "mes-webhooks", connectionTimeoutMillis: 15_000 });
  pool.on("error", (err) => console.warn(`[webhooks] queue connection lost: ${err.message}`));
  return {
    executeSql(text, values) {
      if (!open) return closed();
      return track(pool.query(text, values as unknown[]).then((r) => ({ rows: r.rows as unknown[] })));
    },
    async close() {
      open = false;
      await Promise.allSettled([...inFlight]);
      await pool.end();
    },
  };
}

/**
 * Creates a queue unless it exists. Two instances starting at once on a fresh database both call
 * pg-boss' create_queue, which creates a partition and inserts a row; Postgres can then report a
 * deadlock (40P01) or a duplicate (23505) to one of them. The other one created the queue, so the
 * loser checks again instead of failing its start.
 */
async function ensureQueue(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, options);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= 5 || (code !== "40P01" && code !== "23505" && code !== "42P07")) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
    }
  }
}

/**
 * Starts pg-boss (creating or migrating its schema "pgboss"), the delivery workers, the sweep, and the
 * subscriber that records events for webhooks. Returns the runtime; `stop()` ends it without leaving
 * a timer or a connection behind.
 */
export async function startWebhooks(opts: { databaseUrl?: string } = {}): Promise<WebhookRuntime> {
  if (g.__mesWebhooks) return g.__mesWebhooks;
  const e = env();
  const sql = bossDb(opts.databaseUrl);
  const boss = new PgBoss({
    db: sql as unknown as PgBoss.Db,
    schema: "pgboss",
    // Polling is the fallback: a queued job also wakes a local worker at once (below).
    pollingIntervalSeconds: Math.min(2, Math.max(0.5, e.WEBHOOK_RETRY_BASE_MS / 1000)),
    maintenanceIntervalSeconds: 60,
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 2,
  } as PgBoss.ConstructorOptions);
  boss.on("error", (err) => console.error("[webhooks] queue error", err instanceof Error ? err.message : err));
  await boss.start();
  // "short": at most one queued (not yet started) job per delivery; another request for it is dropped.
  // A job that throws (the database went away mid-attempt) or outlives expireIn (a crashed sender) is retried by pg-boss.
  const expireInSeconds = Math.ceil((e.WEBHOOK_TIMEOUT_MS * 3) / 1000) + 30;
  await ensureQueue(boss, DELIVER_QUEUE, { name: DELIVER_QUEUE, policy: "short", retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds });
  await ensureQueue(boss, SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "short", retryLimit: 0, expireInSeconds: 300 });

  let stopping = false;
  const running = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    running.add(p);
    void p.finally(() => running.delete(p)).catch(() => undefined);
  };
  const timers = new Set<NodeJS.Timeout>();
  const workerIds: string[] = [];
  const wake = () => {
    for (const id of workerIds) boss.notifyWorker(id);
  };
  const wakeAt = (when: Date) => {
    const t = setTimeout(() => (timers.delete(t), wake()), Math.max(0, when.getTime() - Date.now()) + 20);
    t.unref();
    timers.add(t);
  };

  const runtime: WebhookRuntime = {
    async schedule(ids, startAfter, o = {}) {
      if (!ids.length || stopping) return;
      const at = startAfter && startAfter.getTime() > Date.now() ? startAfter : undefined;
      await boss.insert(ids.map((id) => ({ name: DELIVER_QUEUE, data: { deliveryId: id.toString() }, singletonKey: o.fresh ? `${id}:${Date.now()}` : id.toString(), ...(at ? { startAfter: at.toISOString() } : {}) })));
      if (at) wakeAt(at);
      else wake();
    },
    async idle() {
      while (running.size) await Promise.allSettled([...running]);
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      setSharedConsumer("webhooks", undefined);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await boss.stop({ graceful: true, wait: true, timeout: 2000, close: false });
      await runtime.idle();
      await sql.close();
      if (g.__mesWebhooks === runtime) g.__mesWebhooks = undefined;
    },
  };
  g.__mesWebhooks = runtime;

  for (let i = 0; i < e.WEBHOOK_CONCURRENCY; i++) {
    workerIds.push(
      await boss.work<{ deliveryId: string }>(DELIVER_QUEUE, { batchSize: 1 }, async ([job]) => {
        if (!job || stopping) return;
        const p = runDelivery(BigInt(job.data.deliveryId));
        track(p);
        await p;
      }),
    );
  }
  await boss.work(SWEEP_QUEUE, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
    if (!stopping) await sweep();
  });
  await boss.schedule(SWEEP_QUEUE, "* * * * *");
  // Recording deliveries: a shared consumer of the outbox (lib/webhooks/enqueue.ts), run by the relay.
  await registerSharedConsumer("webhooks", recordOutboxEvents);
  await sweep();
  return runtime;
}
