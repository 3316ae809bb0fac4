// `npm run bench`: stock posting throughput (service layer, HTTP, raw SQL), work order round trips and
// realtime fan-out, exports, MO creation with child orders and ranked material availability, on a fresh Postgres database that is dropped at the end. Writes bench/results.md
// and prints it. Environment (all optional):
//   BENCH_DATABASE_URL     the server (default postgresql://postgres@127.0.0.1:5432/postgres)
//   BENCH_SECONDS          length of each phase (default 8)
//   BENCH_ROUNDS           how often the three stock phases take turns (default 3)
//   BENCH_POOL_SIZE        database connections of each stock path (default 10)
//   BENCH_FANOUT_CLIENTS / BENCH_FANOUT_CHANGES   size of the fan-out (default 2000 / 10)
//   BENCH_EXPORT_ROWS      ledger rows of the export benchmark (default 1000000)
//   BENCH_WO_OPEN_SECONDS  length of the open-loop work order phase at 10 requests/s (default 20)
//   BENCH_SERVER_NODE_ARGS Node flags for the API servers, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
//   BENCH_TIMEOUT_SECONDS  bound on the whole run (default 1500)
//   BENCH_YEAR=1           also "A year of data" (bench/year.ts: generate a year of a factory, then the
//                          read endpoints' p95); long (minutes), so off by default; raise BENCH_TIMEOUT_SECONDS
//   BENCH_LOTS=1           also "Locations and lots" (bench/lots.ts: postings naming location and lot vs
//                          plain ones, and a lot's trace over a 1 M-row ledger); minutes, so off by default;
//                          raise BENCH_TIMEOUT_SECONDS
//   BENCH_ONLY=lots        only "Locations and lots": its section replaces (or is added to) that of
//                          bench/results.md, the rest of the file is kept
//   BENCH_ONLY=pages       only "Pages" (bench/pages.ts: the production build, a year of data from
//                          `npm run db:fake`, the operator view and the MO list timed in Chromium at tablet
//                          size, first-load JS per page); its section replaces (or is added to) that of
//                          bench/results.md, the rest kept. BENCH_PAGES_SKIP_BUILD=1 reuses the build,
//                          BENCH_PAGES_DATABASE_URL a loaded database (more in bench/pages.ts)
// Run on their own, not from here: `npx tsx bench/mixed.ts` (200 users for 60 s on one and two instances,
// section "A mixed load"), `npx tsx bench/year.ts` (see BENCH_YEAR), `npx tsx bench/statements.ts` (what a
// WO start and completion send, listed; no section), `npx tsx bench/compare.ts` (the stock phases and the
// contended WO case alone, one JSON line: for old and new code taking turns from two git worktrees).
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prisma } from "../lib/db/client";
import { DEMO_MO_NAME } from "../lib/demo/seed";
import { Client } from "../tests/helpers/client";
import { ledgerViolations } from "../tests/helpers/ledger";
import { createBenchDb, type BenchDb } from "./db";
import { benchAvailability } from "./availability";
import { benchChildOrders } from "./child-orders";
import { benchExport } from "./export";
import { benchFanout } from "./fanout";
import { benchLots } from "./lots";
import { benchPages } from "./pages";
import { putSection } from "./sections";
import { startBenchServer, stopBenchServer } from "./server";
import { benchYear } from "./year";
import { toMarkdown, type Results } from "./report";
import { medianRound, type PhaseResult } from "./stats";
import { overHttp, rawSql, serviceLayer } from "./stock";
import { openLoop, roundTrips, saturation, setUpIndependentWorkOrders, setUpWorkOrders, spreadOver, withCpu } from "./workorders";

const SERVER = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const TIMEOUT = Number(process.env.BENCH_TIMEOUT_SECONDS || 1500);
const CLIENTS = 32;
const OPERATORS = 50;
// Connections per path: the app's default DB_POOL_SIZE. The 32 clients then queue for a connection as
// well as for the row lock, as they would in production; and three pools of 32 (plus the fan-out's
// instances) would crowd a default max_connections of 100.
const POOL = Number(process.env.BENCH_POOL_SIZE || 10);
const WARMUP_SECONDS = 2;
const FANOUT_CLIENTS = Number(process.env.BENCH_FANOUT_CLIENTS || 2000); // issue 16 §4
const FANOUT_CHANGES = Number(process.env.BENCH_FANOUT_CHANGES || 10);
// Work orders at a factory's pace: 50 operators each acting every 5 s, on a fixed schedule (open loop).
const OPEN_RATE = 10;
const OPEN_SECONDS = Number(process.env.BENCH_WO_OPEN_SECONDS || 20);

// The app's env is parsed once per process: fix it before anything reads it (no dev-secret file).
const secret = randomBytes(32).toString("base64url");
process.env.NEXTAUTH_SECRET = secret;

const log = (m: string) => console.log(`[bench] ${m}`);

const startServer = (databaseUrl: string) => startBenchServer(databaseUrl, { poolSize: POOL, secret });
const stopServer = stopBenchServer;

/** Whether the work order routes exist yet (they are built in parallel with this benchmark). */
async function woRoutesExist(client: Client): Promise<boolean> {
  const res = await client.post(`/api/workorders/00000000-0000-4000-8000-000000000000/start`);
  return res.status !== 404 || (res.body as { error?: { message?: string } }).error?.message !== "No such route.";
}

/**
 * BENCH_ONLY=lots or pages: that benchmark alone (bench/lots.ts, bench/pages.ts: each makes a database of its
 * own), its section put into bench/results.md in place of an earlier one.
 */
async function onlySection(name: string, bench: () => Promise<string>, failed: (section: string) => boolean): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`[bench] still running after ${TIMEOUT} s: giving up`);
    process.exit(1);
  }, TIMEOUT * 1000);
  try {
    const section = await bench();
    putSection(path.join("bench", "results.md"), section);
    console.log(`\n${section}`);
    log("its section written to bench/results.md");
    if (failed(section)) throw new Error(`the ${name} benchmark failed (see above)`);
  } finally {
    clearTimeout(watchdog);
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === "lots") return onlySection("lots", () => benchLots(SERVER, { onlyRun: true }), (s) => s.includes("FAILED") || s.includes("VIOLATED"));
  if (process.env.BENCH_ONLY === "pages") return onlySection("pages", () => benchPages(SERVER, { onlyRun: true }), (s) => s.includes("FAILED"));
  const loadAtStart = os.loadavg()[0]!;
  let bench: BenchDb | undefined;
  let child: ChildProcess | undefined;
  const watchdog = setTimeout(() => {
    console.error(`[bench] still running after ${TIMEOUT} s: giving up`);
    void stopServer(child)
      .then(() => bench?.drop())
      .finally(() => process.exit(1));
  }, TIMEOUT * 1000);
  try {
    log(`creating a fresh database on ${SERVER.replace(/\/\/[^@]*@/, "//…@")}`);
    bench = await createBenchDb(SERVER, POOL);
    const inventoryUser = await prisma().user.findUniqueOrThrow({ where: { email: "inventory@demo.com" } });

    log("starting the API server (bench/http-server.ts)");
    const server = await startServer(bench.url);
    child = server.child;
    const inventory = await new Client(server.url).signInOrThrow("inventory@demo.com", "Inventory@123");
    const clients = Array.from({ length: CLIENTS }, () => inventory.clone());

    // The three stock paths take turns, ROUNDS times, and each reports its median round: on a shared
    // machine the load drifts, and running each path once in a block would hand the drift to one of them.
    log(`warming up the three stock paths (${WARMUP_SECONDS} s each)`);
    await serviceLayer(CLIENTS, WARMUP_SECONDS, inventoryUser.id);
    await rawSql(bench.url, CLIENTS, WARMUP_SECONDS, inventoryUser.id);
    await overHttp(clients, WARMUP_SECONDS);
    const rounds = { service: [] as PhaseResult[], raw: [] as PhaseResult[], http: [] as PhaseResult[] };
    for (let r = 1; r <= ROUNDS; r++) {
      log(`round ${r}/${ROUNDS}: (1) service layer, (3) raw SQL, (2) HTTP — ${CLIENTS} clients, ${SECONDS} s each`);
      rounds.service.push(await serviceLayer(CLIENTS, SECONDS, inventoryUser.id));
      rounds.raw.push(await rawSql(bench.url, CLIENTS, SECONDS, inventoryUser.id));
      rounds.http.push(await overHttp(clients, SECONDS));
    }
    const service = medianRound(rounds.service);
    const raw = medianRound(rounds.raw);
    const http = medianRound(rounds.http);

    let workOrders: Results["workOrders"];
    let independent: Results["independent"];
    if (await woRoutesExist(inventory)) {
      const perOperator = Math.max(20, SECONDS * 6);
      log(`work orders: setting up ${OPERATORS} operators × ${perOperator} WOs`);
      const setup = await setUpWorkOrders(server.url, OPERATORS, perOperator);
      log(`work orders: ${OPERATORS} operators, ${SECONDS} s`);
      workOrders = await roundTrips(setup, SECONDS);
      // Independent orders (each operator's own product and material): saturation on one instance, the
      // factory's pace (open loop), saturation on two instances of the same database.
      const independentPerOperator = Math.max(40, SECONDS * 8);
      log(`work orders, independent: setting up ${OPERATORS} operators × ${independentPerOperator} WOs`);
      const ind = await setUpIndependentWorkOrders(server.url, OPERATORS, independentPerOperator);
      const warm = await saturation(ind, WARMUP_SECONDS);
      log(`work orders, independent: saturation on one instance, ${SECONDS} s`);
      const one = await withCpu([child.pid], () => saturation(ind, SECONDS, warm.next));
      await new Promise((r) => setTimeout(r, 2000)); // the relay catches up before the paced phase
      log(`work orders, independent: open loop at ${OPEN_RATE} requests/s, ${OPEN_SECONDS} s`);
      const open = await withCpu([child.pid], () => openLoop(ind, OPEN_RATE, OPEN_SECONDS, one.next));
      const second = await startServer(bench.url);
      try {
        const both = spreadOver(ind, [server.url, second.url]);
        const warm2 = await saturation(both, WARMUP_SECONDS, one.next);
        log(`work orders, independent: saturation on two instances, ${SECONDS} s`);
        const two = await withCpu([child.pid, second.child.pid], () => saturation(both, SECONDS, warm2.next));
        independent = { one, two, open: { ...open, rate: OPEN_RATE } };
      } finally {
        await stopServer(second.child);
      }
    } else {
      workOrders = { todo: "POST /api/workorders/:id/start and /complete did not exist when this ran; rerun `npm run bench` once they do." };
    }

    await stopServer(child);

    // Realtime fan-out (bench/fanout.ts): its own app instances on the same database, the demo order's first WO.
    log(`realtime fan-out: ${FANOUT_CLIENTS} sockets, ${FANOUT_CHANGES} changes, one and two instances`);
    let fanout: string;
    let fanoutFailed: unknown;
    try {
      const wo = await prisma().workOrder.findFirstOrThrow({ where: { sequence: 1, mo: { name: DEMO_MO_NAME } }, select: { id: true } });
      fanout = (await benchFanout(bench.url, wo.id, FANOUT_CLIENTS, FANOUT_CHANGES)).markdown;
    } catch (err) {
      fanoutFailed = err;
      fanout = `## Realtime fan-out\n\nFAILED: ${String((err as Error)?.message ?? err).split("\n")[0]}\n`;
    }

    const violations = await ledgerViolations(prisma());
    const cpus = os.cpus();
    const results: Results = {
      machine: {
        date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
        cores: cpus.length,
        cpu: cpus[0]?.model.trim() ?? "unknown",
        memoryGb: os.totalmem() / 1024 ** 3,
        node: process.version,
        postgres: bench.serverVersion,
        load: [loadAtStart, os.loadavg()[0]!],
      },
      settings: { seconds: SECONDS, rounds: ROUNDS, clients: CLIENTS, operators: OPERATORS, poolSize: POOL },
      service,
      http,
      raw,
      workOrders,
      independent,
      fanout,
      ledgerOk: violations.length === 0,
    };
    let md = toMarkdown(results);
    writeFileSync(path.join("bench", "results.md"), md);
    // Exports of 1 M ledger rows (bench/export.ts): a database of its own on the same server.
    log("exports: 1 M ledger rows as CSV and xlsx vs COPY");
    let exportFailed: unknown;
    try {
      md += `\n${await benchExport(SERVER)}`;
    } catch (err) {
      exportFailed = err;
      md += `\n## Exports\n\nFAILED: ${String((err as Error)?.message ?? err).split("\n")[0]}\n`;
    }
    md += `\n${await benchChildOrders(SERVER, { restore: bench.handle })}`; // bench/child-orders.ts: a database of its own
    md += `\n${await benchAvailability(SERVER, { restore: bench.handle })}`; // bench/availability.ts: a database of its own
    if (process.env.BENCH_LOTS === "1") md += `\n${await benchLots(SERVER, { restore: bench.handle })}`; // bench/lots.ts: a database of its own
    if (process.env.BENCH_YEAR === "1") md += `\n${await benchYear(SERVER, { restore: bench.handle })}`; // bench/year.ts: a database of its own
    writeFileSync(path.join("bench", "results.md"), md);
    console.log(`\n${md}`);
    log("written to bench/results.md");
    if (fanoutFailed) throw fanoutFailed;
    if (exportFailed) throw exportFailed;
    if (violations.length) throw new Error(`ledger invariant violated: ${JSON.stringify(violations.slice(0, 5))}`);
  } finally {
    clearTimeout(watchdog);
    await stopServer(child);
    await bench?.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
