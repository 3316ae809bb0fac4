// `npx tsx bench/compare.ts`: the stock phases (service layer, raw SQL, HTTP on one hot product, 32
// clients, taking turns BENCH_ROUNDS times, medians), the contended work order case (50 operators,
// start → complete), and independent orders at saturation (transitions/s, CPU per transition) and at 10
// requests/s (open loop, 20 s) of `npm run bench`, alone, printed as one JSON line. For before/after comparisons on a
// shared machine: copy this file, bench/workorders.ts and bench/stats.ts into a git worktree of the older
// commit and run the two trees in turns. A fresh database each run, dropped at the end.
//   BENCH_DATABASE_URL, BENCH_SECONDS (default 6), BENCH_ROUNDS (default 3), BENCH_POOL_SIZE (default 10)
import { randomBytes } from "node:crypto";
import os from "node:os";

const SERVER = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS || 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const POOL = Number(process.env.BENCH_POOL_SIZE || 10);
const CLIENTS = 32;
const OPERATORS = 50;

const secret = randomBytes(32).toString("base64url");
process.env.NEXTAUTH_SECRET = secret;

async function main(): Promise<void> {
  // Imported after the secret is set: the app's env is parsed once per process.
  const { prisma } = await import("../lib/db/client");
  const { Client } = await import("../tests/helpers/client");
  const { createBenchDb } = await import("./db");
  const { startBenchServer, stopBenchServer } = await import("./server");
  const { medianRound } = await import("./stats");
  const { overHttp, rawSql, serviceLayer } = await import("./stock");
  const { openLoop, roundTrips, saturation, setUpIndependentWorkOrders, setUpWorkOrders, withCpu } = await import("./workorders");
  const load = os.loadavg()[0]!;
  const bench = await createBenchDb(SERVER, POOL);
  const server = await startBenchServer(bench.url, { poolSize: POOL, secret });
  try {
    const actor = (await prisma().user.findUniqueOrThrow({ where: { email: "inventory@demo.com" } })).id;
    const inventory = await new Client(server.url).signInOrThrow("inventory@demo.com", "Inventory@123");
    const clients = Array.from({ length: CLIENTS }, () => inventory.clone());
    await serviceLayer(CLIENTS, 2, actor);
    await rawSql(bench.url, CLIENTS, 2, actor);
    await overHttp(clients, 2);
    const rounds = { service: [] as Awaited<ReturnType<typeof serviceLayer>>[], raw: [] as Awaited<ReturnType<typeof rawSql>>[], http: [] as Awaited<ReturnType<typeof overHttp>>[] };
    for (let r = 0; r < ROUNDS; r++) {
      rounds.service.push(await serviceLayer(CLIENTS, SECONDS, actor));
      rounds.raw.push(await rawSql(bench.url, CLIENTS, SECONDS, actor));
      rounds.http.push(await overHttp(clients, SECONDS));
    }
    const [service, raw, http] = [medianRound(rounds.service), medianRound(rounds.raw), medianRound(rounds.http)];
    const setup = await setUpWorkOrders(server.url, OPERATORS, Math.max(20, SECONDS * 6));
    const wo = await roundTrips(setup, SECONDS);
    const ind = await setUpIndependentWorkOrders(server.url, OPERATORS, Math.max(40, SECONDS * 8));
    const warm = await saturation(ind, 2);
    const sat = await withCpu([server.child.pid], () => saturation(ind, SECONDS, warm.next));
    await new Promise((r) => setTimeout(r, 2000));
    const open = await openLoop(ind, 10, 20, sat.next);
    const r1 = (n: number) => Math.round(n * 10) / 10;
    console.log(
      JSON.stringify({
        load: [r1(load), r1(os.loadavg()[0]!)],
        rawPerS: r1(raw.perSecond),
        servicePerS: r1(service.perSecond),
        httpPerS: r1(http.perSecond),
        serviceRatio: Math.round((service.perSecond / raw.perSecond) * 100) / 100,
        httpRatio: Math.round((http.perSecond / raw.perSecond) * 100) / 100,
        httpP95: Math.round(http.p95),
        errors: service.errors + raw.errors + http.errors + wo.errors + sat.errors + open.errors,
        woRoundTripsPerS: r1(wo.perSecond),
        woP50: Math.round(wo.p50),
        woP95: Math.round(wo.p95),
        independentPerS: r1(sat.perSecond),
        independentP95: Math.round(sat.p95),
        serverCpuMs: r1(sat.cpu.serverMs),
        postgresCpuMs: r1(sat.cpu.postgresMs),
        openP95: Math.round(open.p95),
      }),
    );
  } finally {
    await stopBenchServer(server.child);
    await bench.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
