import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mkdirSync } from "node:fs";
import { Client, Pool } from "pg";
import { env } from "../env";
import { cursorReader, EXPORT_STREAMS, type CursorReader } from "./cursor";
import { PrismaClient } from "./generated/client";

export type Db = InstanceType<typeof PrismaClient>;
/** The client handed to `$transaction` callbacks. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A minimal SQL connection, used by the migration runner on both back ends. */
export interface SqlConn {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  release(): Promise<void>;
}

interface DbHandle {
  prisma: Db;
  kind: "pglite" | "postgres";
  pglite?: PGlite;
  /** A dedicated connection for migrations / advisory locks. */
  connect(): Promise<SqlConn>;
  /** Postgres only: large results in batches through a server-side cursor (lib/db/cursor.ts). */
  cursor?: CursorReader;
  close(): Promise<void>;
}

const g = globalThis as unknown as { __mesDb?: DbHandle };

/**
 * How long a request waits for a Postgres connection before it fails with 503. pg applies it to the
 * wait for a free pool slot too, so it must outlast a busy moment's queue (seconds under a burst of
 * postings on one product), not only a new connect; a refused connection fails at once anyway.
 */
const CONNECT_TIMEOUT_MS = 15_000;

/**
 * Creates a database handle: Postgres through @prisma/adapter-pg when a URL is given,
 * otherwise embedded PGlite (one instance per process; it is single-connection).
 */
export function createDb(opts: { url?: string; pgliteDir?: string; poolSize?: number } = {}): DbHandle {
  if (opts.url) {
    const url = opts.url;
    // A bounded connect (pg waits forever by default), so an unreachable database answers 503 within
    // seconds. pg's pool drops broken connections and opens new ones, so the app recovers by itself
    // when the database is back; the adapter's listeners keep an idle connection's error from
    // crashing the process, and these log it once.
    const adapter = new PrismaPg(
      // jit=off: the JIT compiles for 100–200 ms whenever a plan's cost estimate is high (a year of
      // data makes many read plans "expensive"), far more than those queries run (docs/performance.md).
      { connectionString: url, max: opts.poolSize ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, options: "-c jit=off" },
      {
        onPoolError: (err) => console.warn(`[db] idle connection lost: ${err.message}`),
        onConnectionError: (err) => console.warn(`[db] connection lost: ${err.message}`),
      },
    );
    const prisma = new PrismaClient({ adapter });
    // The streams' own pool (lib/db/cursor.ts), made when the first stream starts.
    let streams: Pool | undefined;
    const streamPool = () => {
      if (!streams) {
        streams = new Pool({ connectionString: url, max: EXPORT_STREAMS, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, options: "-c jit=off" });
        streams.on("error", (err) => console.warn(`[db] idle stream connection lost: ${err.message}`));
      }
      return streams;
    };
    return registered({
      prisma,
      kind: "postgres",
      cursor: cursorReader(streamPool),
      async connect() {
        const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
        // Without a listener, a server shutdown while this connection is idle would crash the process.
        client.on("error", (err) => console.warn(`[db] dedicated connection lost: ${err.message}`));
        await client.connect();
        return {
          async query<R>(sql: string, params?: unknown[]) {
            return (await client.query(sql, params as unknown[])).rows as R[];
          },
          async exec(sql: string) {
            await client.query(sql);
          },
          async release() {
            await client.end();
          },
        };
      },
      async close() {
        await prisma.$disconnect();
        await streams?.end();
      },
    });
  }
  const dir = opts.pgliteDir ?? ".data/pglite";
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  // PGlite is one session: hand out one "connection" at a time, so a migration's BEGIN…COMMIT
  // cannot interleave with another runner's (the advisory lock is re-entrant within a session).
  let queue: Promise<void> = Promise.resolve();
  return registered({
    prisma,
    kind: "pglite",
    pglite,
    async connect() {
      let release!: () => void;
      const previous = queue;
      queue = new Promise<void>((r) => (release = r));
      await previous;
      await pglite.waitReady;
      return {
        async query<R>(sql: string, params?: unknown[]) {
          return (await pglite.query(sql, params)).rows as R[];
        },
        async exec(sql: string) {
          await pglite.exec(sql);
        },
        async release() {
          release();
        },
      };
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  });
}

/** Each client's handle, so that code given only the Prisma client can reach its back end's extras (cursor). */
const handles = new WeakMap<Db, DbHandle>();

function registered(handle: DbHandle): DbHandle {
  handles.set(handle.prisma, handle);
  return handle;
}

/** The handle `db` was made by (undefined for a client made elsewhere). */
export function handleOf(db: Db): DbHandle | undefined {
  return handles.get(db);
}

/** The process-wide handle, made on first use from the environment (kept on globalThis so the
 * custom server and Next's separately bundled API routes share one client / one PGlite). */
export function db(): DbHandle {
  if (!g.__mesDb) {
    const e = env();
    g.__mesDb = createDb({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, poolSize: e.DB_POOL_SIZE });
  }
  return g.__mesDb;
}

/** Installs a handle as the process-wide one (tests, scripts). */
export function setDb(handle: DbHandle | undefined): void {
  g.__mesDb = handle;
}

/** The Prisma client singleton. */
export function prisma(): Db {
  return db().prisma;
}

export type { DbHandle };
