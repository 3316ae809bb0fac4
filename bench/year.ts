// A year of data (issue 16, target 1): a fresh Postgres database filled by the generator
// (lib/demo/history.ts, the factory scale: ~100 k MOs, ~400 k WOs, ~800 k time logs, ~1 M ledger
// rows), then the read endpoints the UI uses, over HTTP as the demo manager, one request at a time:
// p50 / p95 / max of each against the target of 100 ms. Long (the load alone takes minutes), so
// `npm run bench` runs it only with BENCH_YEAR=1.
//
// Alone: `npx tsx bench/year.ts` — replaces the "A year of data" section of bench/results.md.
// Environment: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_YEAR_N samples per endpoint (default 30), BENCH_YEAR_MONTHS (default 12),
// BENCH_YEAR_KEEP=1 keeps the database afterwards (its name is printed) for EXPLAIN work;
// BENCH_YEAR_DATABASE_URL=<url> measures a database loaded before (`DATABASE_URL=<url> npm run db:fake`)
// instead of generating one (migrate it first; it is kept); BENCH_YEAR_CONCURRENCY (default 16);
// BENCH_YEAR_ONLY=<words, comma-separated> measures only the endpoints whose name contains one of them
// (e.g. "export,Stage board") and prints the section without writing it to bench/results.md.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, setDb, type DbHandle } from "../lib/db/client";
import { loadHistory } from "../lib/demo/history";
import { Client } from "../tests/helpers/client";
import { ledgerViolations } from "../tests/helpers/ledger";
import { startApiServer } from "../tests/helpers/server";
import { createBenchDb, type BenchDb } from "./db";
import { quantile } from "./stats";

const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const TARGET_MS = 100;
const TITLE = "## A year of data (sequential reads)";
const log = (m: string) => console.log(`[bench:year] ${m}`);

interface Row {
  name: string;
  path: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  error?: string;
  /** p95 target of this endpoint (exports: 500 ms). */
  target: number;
  /** The same endpoint under CONCURRENT clients. */
  c?: { n: number; p50: number; p95: number; max: number; error?: string };
}

/** Clients at once in the second pass (issue 16: "and under 16 concurrent clients"). */
const CONCURRENT = Number(process.env.BENCH_YEAR_CONCURRENCY || 16);
const EXPORT_TARGET_MS = 500;

async function measure(client: Client, name: string, path: string, n: number, target: number): Promise<Row> {
  const samples: number[] = [];
  for (let i = 0; i < n + 2; i++) {
    const t0 = performance.now();
    const res = await client.get(path);
    const ms = performance.now() - t0;
    if (res.status !== 200) return { name, path, target, n: 0, p50: NaN, p95: NaN, max: NaN, error: `HTTP ${res.status}: ${res.text.slice(0, 120)}` };
    if (i >= 2) samples.push(ms); // two warm-up requests
  }
  samples.sort((a, b) => a - b);
  return { name, path, target, n: samples.length, p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: samples[samples.length - 1]! };
}

/** `clients` loops at once, each asking `path` `perClient` times: the latencies of all of them. */
async function measureConcurrent(clients: Client[], path: string, perClient: number): Promise<NonNullable<Row["c"]>> {
  const samples: number[] = [];
  let error: string | undefined;
  await Promise.all(
    clients.map(async (client) => {
      for (let i = 0; i < perClient && !error; i++) {
        const t0 = performance.now();
        const res = await client.get(path);
        const ms = performance.now() - t0;
        if (res.status !== 200) error = `HTTP ${res.status}: ${res.text.slice(0, 120)}`;
        else samples.push(ms);
      }
    }),
  );
  samples.sort((a, b) => a - b);
  if (error || !samples.length) return { n: samples.length, p50: NaN, p95: NaN, max: NaN, error: error ?? "no samples" };
  return { n: samples.length, p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: samples[samples.length - 1]! };
}

const f = (ms: number) => (Number.isNaN(ms) ? "–" : ms < 10 ? ms.toFixed(1) : Math.round(ms).toString());

/** Runs the benchmark and answers its section of bench/results.md (a FAILED section, never a throw). */
export async function benchYear(serverUrl: string, opts: { restore?: DbHandle } = {}): Promise<string> {
  try {
    return await run(serverUrl);
  } catch (err) {
    console.error(err);
    return `${TITLE}\n\nFAILED: ${String((err as Error)?.message ?? err).split("\n")[0]}\n`;
  } finally {
    setDb(opts.restore);
  }
}

async function run(serverUrl: string): Promise<string> {
  const n = Number(process.env.BENCH_YEAR_N || 30);
  const months = Number(process.env.BENCH_YEAR_MONTHS || 12);
  const tz = process.env.FACTORY_TIME_ZONE || "Europe/Amsterdam";
  const loadBefore = os.loadavg()[0]!;
  const reuse = process.env.BENCH_YEAR_DATABASE_URL;
  log(reuse ? "using the loaded database of BENCH_YEAR_DATABASE_URL (as it is, kept)" : "creating a fresh database");
  const bench: BenchDb = reuse ? await existingDb(reuse) : await createBenchDb(serverUrl, 10);
  let server: Awaited<ReturnType<typeof startApiServer>> | undefined;
  try {
    let gen: { seconds: number; counts: Record<string, number> };
    if (reuse) gen = { seconds: NaN, counts: await rowCounts(bench.handle) };
    else {
      log(`generating ${months} months of a 50-operator factory (lib/demo/history.ts)`);
      gen = await loadHistory({ scale: "factory", months, timeZone: tz, log: (m) => log(`  ${m}`) });
      log(`generated in ${gen.seconds.toFixed(1)} s`);
    }
    const conn = await bench.handle.connect();
    let size = "?";
    try {
      size = (await conn.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`))[0]!.s;
    } finally {
      await conn.release();
    }
    const violations = await ledgerViolations(bench.handle.prisma);

    const p = bench.handle.prisma;
    const doneMo = await p.manufacturingOrder.findFirstOrThrow({ where: { state: "DONE" }, orderBy: { completedAt: "desc" }, select: { id: true } });
    const openMo = await p.manufacturingOrder.findFirstOrThrow({ where: { state: "IN_PROGRESS" }, orderBy: { createdAt: "asc" }, select: { id: true } });
    const busy = await p.$queryRaw<{ productId: string }[]>`SELECT "productId" FROM "StockEntry" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
    const year = new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString();
    const month = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();

    server = await startApiServer({ databaseUrl: bench.url });
    const manager = await new Client(server.url).signInOrThrow("manager@demo.com", "Manager@123");
    const admin = await new Client(server.url).signInOrThrow("admin@demo.com", "Admin@123"); // the audit log is the admin's
    const endpoints: [string, string, Client?][] = [
      ["KPIs, 30 days (default)", "/api/reports/kpis"],
      ["KPIs, 365 days", `/api/reports/kpis?from=${encodeURIComponent(year)}`],
      ["MO list, default", "/api/mos"],
      ["MO list, state=IN_PROGRESS", "/api/mos?state=IN_PROGRESS"],
      ["MO list, state=DONE", "/api/mos?state=DONE"],
      ["MO list, materialStatus=WAITING,PARTIAL", "/api/mos?materialStatus=WAITING,PARTIAL"],
      ["MO list, search q=Workbench", "/api/mos?q=Workbench"],
      ["MO list, search q=MO-0500", "/api/mos?q=MO-0500"],
      ["MO list, page 1000", "/api/mos?page=1000"],
      ["MO detail, DONE", `/api/mos/${doneMo.id}`],
      ["MO detail, IN_PROGRESS", `/api/mos/${openMo.id}`],
      ["Stage board (MOs by operation)", "/api/mos/board"],
      ["WO board, PENDING", "/api/workorders?status=PENDING"],
      ["WO board, STARTED", "/api/workorders?status=STARTED"],
      ["WO board, PAUSED", "/api/workorders?status=PAUSED"],
      ["WO board, COMPLETED", "/api/workorders?status=COMPLETED"],
      ["Stock levels", "/api/stock"],
      ["Stock levels, low", "/api/stock?low=true"],
      ["Ledger, default", "/api/stock/ledger"],
      ["Ledger, by product", `/api/stock/ledger?productId=${busy[0]!.productId}`],
      ["Ledger, page 5000", "/api/stock/ledger?page=5000"],
      ["Audit, default (admin)", "/api/audit", admin],
      ["Audit, page 1000 (admin)", "/api/audit?page=1000", admin],
      ["Notifications", "/api/notifications"],
      ["Labour export, 30 days (CSV)", `/api/reports/export?report=labor&format=csv&from=${encodeURIComponent(month)}`],
      ["Cost export, 30 days (CSV)", `/api/reports/export?report=costs&format=csv&from=${encodeURIComponent(month)}`],
    ];
    const only = (process.env.BENCH_YEAR_ONLY ?? "").split(",").map((w) => w.trim().toLowerCase()).filter(Boolean);
    if (only.length) endpoints.splice(0, endpoints.length, ...endpoints.filter(([name]) => only.some((w) => name.toLowerCase().includes(w))));
    const rows: Row[] = [];
    for (const [name, path, client] of endpoints) {
      rows.push(await measure(client ?? manager, name, path, n, path.startsWith("/api/reports/export") ? EXPORT_TARGET_MS : TARGET_MS));
      const r = rows[rows.length - 1]!;
      log(`${name}: p95 ${f(r.p95)} ms${r.error ? ` (${r.error})` : ""}`);
    }
    // The second pass: CONCURRENT clients at once per endpoint.
    // The same sessions on more devices (signing in 16 times at once would trip the sign-in rate limit).
    const managers = [manager, ...Array.from({ length: CONCURRENT - 1 }, () => manager.clone())];
    const admins = [admin, ...Array.from({ length: CONCURRENT - 1 }, () => admin.clone())];
    const perClient = Math.max(2, Math.ceil(n / 5));
    for (const [i, [name, path, client]] of endpoints.entries()) {
      const r = rows[i]!;
      if (r.error || CONCURRENT < 2) continue;
      r.c = await measureConcurrent(client === admin ? admins : managers, path, perClient);
      log(`${name} × ${CONCURRENT}: p95 ${f(r.c.p95)} ms${r.c.error ? ` (${r.c.error})` : ""}`);
    }
    const loadAfter = os.loadavg()[0]!;
    const counts = Object.entries(gen.counts).map(([t, c]) => `${t} ${c.toLocaleString("en-US")}`).join(", ");
    const misses = rows.filter((r) => !(r.p95 < r.target)).length;
    const cMisses = rows.filter((r) => !(r.c && r.c.p95 < r.target)).length;
    const ratio = (p95: number | undefined, target: number) => (p95 === undefined || Number.isNaN(p95) ? "–" : `${(p95 / target).toFixed(2)}×${p95 < target ? "" : " ✗"}`);
    return [
      TITLE,
      "",
      `Run ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}, ${os.cpus().length} cores, load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}; ` +
        `\`BENCH_YEAR=1 npm run bench\` or \`npx tsx bench/year.ts\`. The database: ${months} months of a 50-operator factory from ` +
        `lib/demo/history.ts (\`npm run db:fake -- --months ${months}\`), ${Number.isNaN(gen.seconds) ? "loaded before the run" : `generated in **${gen.seconds.toFixed(0)} s**`}, ${size}: ${counts}. ` +
        `Ledger invariant: ${violations.length ? `VIOLATED (${violations.length})` : "holds"}.`,
      "",
      `Each endpoint ${n} times after two warm-ups, one request at a time, over HTTP as the demo manager (the audit log as the admin; server in the same process); ` +
        (CONCURRENT < 2 ? "the concurrent pass skipped (BENCH_YEAR_CONCURRENCY). Target" : `then ${CONCURRENT} clients at once, ${perClient} requests each. Target`) +
        `: p95 < ${TARGET_MS} ms (exports of a month: < ${EXPORT_TARGET_MS} ms); ` +
        `${misses} of ${rows.length} miss it sequentially${CONCURRENT < 2 ? "" : `, ${cMisses} with ${CONCURRENT} clients`}.`,
      "",
      // Without the concurrent pass its columns are left out, not filled with dashes.
      CONCURRENT < 2
        ? "| Endpoint | Request | p50 ms | p95 ms | max ms | p95 / target |"
        : `| Endpoint | Request | p50 ms | p95 ms | max ms | p95 / target | ${CONCURRENT} clients: p50 ms | p95 ms | p95 / target |`,
      CONCURRENT < 2 ? "|---|---|---:|---:|---:|---:|" : "|---|---|---:|---:|---:|---:|---:|---:|---:|",
      ...rows.map(
        (r) =>
          `| ${r.name} | \`${r.path.replace(/[0-9a-f-]{36}/g, ":id").replace(/from=[^&]+/, () => (r.target === TARGET_MS ? "from=<365 days ago>" : "from=<30 days ago>"))}\` | ${r.error ? `ERROR: ${r.error}` : f(r.p50)} | ${f(r.p95)} | ${f(r.max)} | ${ratio(r.p95, r.target)} |` +
          (CONCURRENT < 2 ? "" : ` ${r.c?.error ? `ERROR: ${r.c.error}` : f(r.c?.p50 ?? NaN)} | ${f(r.c?.p95 ?? NaN)} | ${ratio(r.c?.p95, r.target)} |`),
      ),
      "",
      "Notes: the figures are measured on a machine shared with the other work (see the load average); " +
        "the notifications are the demo manager's own (few: the generated ones belong to history users, who cannot sign in); " +
        "the MO list, the WO board and the audit log count at most 10,000 rows (\"more than 10,000\", docs/performance.md).",
      "",
    ].join("\n");
  } finally {
    await server?.close();
    if (reuse) await bench.handle.close();
    else if (process.env.BENCH_YEAR_KEEP === "1") log(`kept the database ${bench.name} (${bench.url})`);
    else await bench.drop();
  }
}

const TABLES = ["WorkCenter", "User", "BOM", "BOMOperation", "Product", "BOMComponent", "MoRequirement", "Notification", "AuditLog", "ManufacturingOrder", "WorkOrder", "StockEntry", "WorkOrderTimeLog", "WorkOrderPause"];

/** A database loaded before (`npm run db:fake`) and migrated (`npm run db:migrate`); used as it is, never dropped. */
async function existingDb(url: string): Promise<BenchDb> {
  const handle = createDb({ url, poolSize: 10 });
  setDb(handle);
  return { url, name: new URL(url).pathname.slice(1), handle, serverVersion: "?", drop: async () => undefined };
}

async function rowCounts(handle: DbHandle): Promise<Record<string, number>> {
  const conn = await handle.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = (await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`))[0]!.n;
    return out;
  } finally {
    await conn.release();
  }
}

/** Puts `section` into results.md in place of an earlier one with the same title, or at the end. */
function writeSection(file: string, section: string): void {
  let md = "";
  try {
    md = readFileSync(file, "utf8");
  } catch {
    /* a new file */
  }
  const start = md.indexOf(TITLE);
  if (start < 0) md = `${md.trimEnd()}\n\n${section}`;
  else {
    const next = md.indexOf("\n## ", start + TITLE.length);
    md = md.slice(0, start) + section + (next < 0 ? "" : md.slice(next + 1));
  }
  writeFileSync(file, md.endsWith("\n") ? md : `${md}\n`);
}

// `npx tsx bench/year.ts`: run alone, replace its section of bench/results.md and print it.
if (process.argv[1] && /bench[\\/]year\.ts$/.test(process.argv[1])) {
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  benchYear(process.env.BENCH_DATABASE_URL || DEFAULT_SERVER)
    .then((section) => {
      // A partial run (BENCH_YEAR_ONLY) is printed only: the section in the results stays whole.
      if (!process.env.BENCH_YEAR_ONLY) writeSection(path.join("bench", "results.md"), section);
      console.log(`\n${section}`);
      process.exit(section.includes("FAILED") ? 1 : 0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
