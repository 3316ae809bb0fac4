// Export benchmark: 1 M stock ledger rows exported as CSV and as xlsx through the export service
// (prepareExport → write into a sink that discards), each with its time and peak RSS, next to a plain
// `COPY (SELECT …) TO STDOUT` of the same rows through `pg` — the physical limit of getting them out of
// Postgres — as ratios. Runs on a fresh database it creates on the given server and drops at the end.
//
// Alone: `npx tsx bench/export.ts` (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres;
// BENCH_EXPORT_ROWS, default 1000000; the whole run is bounded by BENCH_EXPORT_TIMEOUT_SECONDS, default 900).
import { randomBytes } from "node:crypto";
import os from "node:os";
import { Writable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Client, type Connection, type Submittable } from "pg";
import { createDb, type DbHandle } from "../lib/db/client";
import { migrate, readMigrations } from "../lib/db/migrate";
import { prepareExport } from "../lib/reports/export/service";
import { fillLedgerRaw } from "./ledger";

const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const PRODUCTS = 4;

interface Phase {
  name: string;
  seconds: number;
  bytes: number;
  rows: number;
  /** Peak RSS over the phase's start, and the absolute peak (MB). */
  rssGrowthMb: number;
  rssPeakMb: number;
  /** Peak live memory (V8 heap + buffers right after a full collection) over the phase's start (MB). */
  liveGrowthMb: number;
}

const log = (m: string) => console.log(`[bench:export] ${m}`);
const mb = (bytes: number) => bytes / 1024 / 1024;

/** A sink that keeps nothing: counts bytes and CRLF record ends. */
function nullSink(): Writable & { bytes: number; crlf: number } {
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      sink.bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) if (i > 0 && chunk[i - 1] === 13) sink.crlf++;
      cb();
    },
  }) as Writable & { bytes: number; crlf: number };
  sink.bytes = 0;
  sink.crlf = 0;
  return sink;
}

/** A full garbage collection on demand: V8's flag set at run time, the function taken from a new context. */
function exposeGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

const live = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * Runs `fn` while sampling RSS every 20 ms and, every 500 ms, live memory right after a full
 * collection: RSS alone mostly shows how lazily V8 collects garbage at this allocation rate.
 */
async function measured(name: string, fn: () => Promise<{ bytes: number; rows: number }>): Promise<Phase> {
  const gc = exposeGc();
  gc();
  const base = process.memoryUsage().rss;
  const baseLive = live();
  let peak = base;
  let peakLive = baseLive;
  let ticks = 0;
  const timer = setInterval(() => {
    if (++ticks % 25 === 0) {
      gc();
      peakLive = Math.max(peakLive, live());
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = process.hrtime.bigint();
  try {
    const { bytes, rows } = await fn();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { name, seconds, bytes, rows, rssGrowthMb: mb(peak - base), rssPeakMb: mb(peak), liveGrowthMb: mb(peakLive - baseLive) };
  } finally {
    clearInterval(timer);
  }
}

/** `COPY … TO STDOUT` through pg's protocol handling, counting the bytes and discarding them. */
class CopyOut implements Submittable {
  bytes = 0;
  rows = 0;
  private settle!: { resolve: () => void; reject: (e: Error) => void };
  private error: Error | undefined;
  readonly done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));

  constructor(private readonly sql: string) {}

  submit(connection: Connection): void {
    connection.query(this.sql);
  }
  handleCopyData(msg: { chunk: Buffer }): void {
    this.bytes += msg.chunk.length;
  }
  handleCommandComplete(msg: { text: string }): void {
    this.rows = Number(/COPY (\d+)/.exec(msg.text)?.[1] ?? 0);
  }
  handleError(err: Error): void {
    this.error = err;
  }
  handleReadyForQuery(): void {
    if (this.error) this.settle.reject(this.error);
    else this.settle.resolve();
  }
  // Messages a COPY TO does not send; pg calls them on the active query if they come.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handleCopyInResponse(): void {}
  handlePortalSuspended(): void {}
}

async function admin<T>(serverUrl: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * `rows` ledger entries of +1 over PRODUCTS products, spread over the last year, written by one
 * INSERT … SELECT: per product balanceAfter is the running sum and StockLevel its end value.
 */
export async function fillLedger(url: string, rows: number): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("BEGIN");
    await c.query(`INSERT INTO "User" ("id", "name", "email", "role", "updatedAt") VALUES ('00000000-0000-4000-8000-00000000b001', 'Bench User', 'bench@example.com', 'INVENTORY', now())`);
    await c.query(`
      INSERT INTO "Product" ("id", "sku", "name", "uom", "unitCost", "updatedAt")
      SELECT '00000000-0000-4000-8000-0000000000' || lpad(k::text, 2, '0'), 'BENCH-' || k, 'Bench material ' || k, 'pcs', 1.5, now()
      FROM generate_series(0, ${PRODUCTS - 1}) k`);
    await fillLedgerRaw(c, rows, PRODUCTS, `'00000000-0000-4000-8000-0000000000' || lpad($K::text, 2, '0')`, "00000000-0000-4000-8000-00000000b001");
    await c.query("COMMIT");
    await c.query(`ANALYZE "StockEntry"`);
  } finally {
    await c.end();
  }
}

function toMarkdown(rows: number, phases: Phase[], copy: Phase, meta: { seconds: number; server: string; fill: number }): string {
  const f = (v: number, d = 1) => v.toFixed(d);
  const cpus = os.cpus();
  return [
    `## Report exports: a stock ledger of ${rows.toLocaleString("en-US")} rows`,
    "",
    `The stock ledger export (\`GET /api/reports/export?report=ledger\`, here through its service into a sink that`,
    `discards the bytes) of ${rows.toLocaleString("en-US")} entries, against \`COPY (SELECT …) TO STDOUT\` of the same rows and`,
    "columns through `pg` (CSV, nothing done with the bytes): the physical limit of reading them out of Postgres.",
    "Peak RSS is sampled every 20 ms, and every 500 ms a full garbage collection runs and the live memory (V8 heap and",
    `buffers) is sampled; growths are over the phase's start. ${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}),`,
    `Node ${process.version}, Postgres ${meta.server}; filling the ledger took ${f(meta.fill)} s; the whole section ${f(meta.seconds)} s.`,
    "",
    "| phase | rows | seconds | rows/s | MB written | peak RSS growth (MB) | peak live growth (MB) | peak RSS (MB) | time × COPY |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...[copy, ...phases].map(
      (p) =>
        `| ${p.name} | ${p.rows.toLocaleString("en-US")} | ${f(p.seconds, 2)} | ${Math.round(p.rows / p.seconds).toLocaleString("en-US")} | ${f(mb(p.bytes))} | ${f(p.rssGrowthMb)} | ${f(p.liveGrowthMb)} | ${f(p.rssPeakMb)} | ${f(p.seconds / copy.seconds, 1)}× |`,
    ),
    "",
    "Live memory stays flat because rows are read in batches of 2,000 (on Postgres `FETCH`es from one server-side cursor,",
    "rows as arrays, in one read-only snapshot: lib/db/cursor.ts) and written as they arrive (the xlsx writer also waits",
    "for its zip compression to catch up); the RSS peaks are V8 letting garbage pile up between collections. The next",
    "batch is fetched before a batch is formatted, so the database and the formatting overlap (at most two batches in",
    "memory); xlsx cells share one style object per column, so exceljs derives each column's style id once instead of",
    "per cell. The time over COPY is the formatting (csv-stringify's per-field work; exceljs' XML and zip compression),",
    "the garbage both make, and the row objects the report model hands to the writers (docs/performance.md \"Exports\").",
    "",
  ].join("\n");
}

/**
 * The export benchmark as a markdown section. `databaseUrl` names the Postgres server (any database
 * URL on it, like BENCH_DATABASE_URL): a fresh database is created there and dropped at the end.
 */
export async function benchExport(databaseUrl: string, opts: { rows?: number; timeoutSeconds?: number } = {}): Promise<string> {
  const rows = opts.rows ?? Number(process.env.BENCH_EXPORT_ROWS || 1_000_000);
  const timeoutSeconds = opts.timeoutSeconds ?? Number(process.env.BENCH_EXPORT_TIMEOUT_SECONDS || 900);
  const started = Date.now();
  const name = `mes_bench_export_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const server = await admin(databaseUrl, async (c) => {
    await c.query(`CREATE DATABASE "${name}"`);
    return String((await c.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "?");
  });
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  let handle: DbHandle | undefined;
  let timer: NodeJS.Timeout | undefined;
  const run = async (): Promise<string> => {
    handle = createDb({ url: url.toString(), poolSize: 4 });
    const conn = await handle.connect();
    try {
      await migrate(conn, readMigrations(), () => undefined);
    } finally {
      await conn.release();
    }
    log(`filling the ledger with ${rows.toLocaleString("en-US")} rows`);
    const fillStart = Date.now();
    await fillLedger(url.toString(), rows);
    const fill = (Date.now() - fillStart) / 1000;

    const from = new Date(Date.now() - 366 * 24 * 3600 * 1000).toISOString();
    const to = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const actor = { id: "00000000-0000-4000-8000-00000000b001", role: "ADMIN" as const };

    log("COPY … TO STDOUT");
    const copy = await measured("COPY … TO STDOUT (pg)", async () => {
      const c = new Client({ connectionString: url.toString() });
      await c.connect();
      try {
        const q = c.query(
          new CopyOut(`COPY (
            SELECT e."id", e."createdAt", p."sku", p."name", p."uom", e."change", e."balanceAfter", e."sourceType", e."sourceId", e."note", u."name"
            FROM "StockEntry" e JOIN "Product" p ON p."id" = e."productId" LEFT JOIN "User" u ON u."id" = e."createdById"
            WHERE e."createdAt" >= ('${from}'::timestamptz AT TIME ZONE 'UTC') AND e."createdAt" < ('${to}'::timestamptz AT TIME ZONE 'UTC')
            ORDER BY e."id") TO STDOUT WITH (FORMAT csv, HEADER)`),
        );
        await q.done;
        return { bytes: q.bytes, rows: q.rows };
      } finally {
        await c.end();
      }
    });

    const phases: Phase[] = [];
    for (const format of ["csv", "xlsx"] as const) {
      log(`${format} export`);
      phases.push(
        await measured(`export, ${format}`, async () => {
          const file = await prepareExport({ report: "ledger", format, from, to }, actor, { db: handle!.prisma });
          const sink = nullSink();
          await file.write(sink);
          // CSV: one CRLF per record, the header included; xlsx rows are counted by the CSV run.
          return { bytes: sink.bytes, rows: format === "csv" ? sink.crlf - 1 : rows };
        }),
      );
    }
    const csvRows = phases[0]!.rows;
    if (csvRows !== rows || copy.rows !== rows) throw new Error(`row counts differ: ${rows} inserted, CSV ${csvRows}, COPY ${copy.rows}`);
    return toMarkdown(rows, phases, copy, { seconds: (Date.now() - started) / 1000, server, fill });
  };
  try {
    return await Promise.race([
      run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the export benchmark took longer than ${timeoutSeconds} s`)), timeoutSeconds * 1000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await handle?.close().catch(() => undefined);
    await admin(databaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

// `npx tsx bench/export.ts`: run alone and print the section.
if (process.argv[1] && /bench[\\/]export\.ts$/.test(process.argv[1])) {
  process.env.NEXTAUTH_SECRET ||= randomBytes(32).toString("base64url");
  benchExport(process.env.BENCH_DATABASE_URL || DEFAULT_SERVER).then(
    (md) => {
      console.log(`\n${md}`);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
