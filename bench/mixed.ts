// A mixed load (issue 16, target 7): 200 simulated users for 60 s against the API server (bench/http-server.ts,
// NODE_ENV=production, pool of 10), on one instance and then on two on the same Postgres database (users split
// evenly, sessions valid on both). Who does what, each user in a loop with a think time:
//   50 operators   start → pause (BREAK) → start → complete their own one-WO orders of TABLE-100 (every completion
//                  consumes STEEL-01 and SCR-01: all of them contend for those rows), ~1 s between taps
//   10 planners    create an MO (no child orders), then re-prioritise one of theirs, ~2 s apart
//    5 inventory   ±1 manual adjustments of STEEL-01, ~1 s apart
//  135 readers     a socket each (live updates), and every ~5 s the dashboard's four reads: KPIs, the open
//                  MOs, the latest ledger lines, OEE of the last 7 days
// The think times are drawn from 0.5–1.5× the figure, so the users do not march in step. It reports p95 per
// endpoint, the errors (any answer but 2xx), the socket events received, and each server's CPU (user + system
// time over the run) and peak RSS, read from /proc. A fresh database of its own (demo data), dropped at the end.
//
// `npx tsx bench/mixed.ts` puts its section into bench/results.md in place of an earlier one. Environment:
//   BENCH_DATABASE_URL      the server (default postgresql://postgres@127.0.0.1:5432/postgres)
//   BENCH_MIXED_SECONDS     length of each run (default 60)
//   BENCH_MIXED_INSTANCES   "1,2" (default): the runs to make
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { prisma } from "../lib/db/client";
import { Client } from "../tests/helpers/client";
import { createBenchDb } from "./db";
import { putSection } from "./sections";
import { startBenchServer, stopBenchServer } from "./server";
import { quantile } from "./stats";
import { setUpWorkOrders } from "./workorders";

const SERVER = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_MIXED_SECONDS || 60);
const RUNS = (process.env.BENCH_MIXED_INSTANCES || "1,2").split(",").map(Number).filter((n) => n === 1 || n === 2);
const USERS = { operators: 50, planners: 10, inventory: 5, readers: 135 };
const TITLE = "## A mixed load: 200 users";

const secret = randomBytes(32).toString("base64url");
process.env.NEXTAUTH_SECRET = secret;
const log = (m: string) => console.log(`[mixed] ${m}`);

interface Server {
  url: string;
  child: ChildProcess;
}

const startServer = (databaseUrl: string): Promise<Server> => startBenchServer(databaseUrl, { poolSize: 10, secret, env: { LOGIN_MAX_FAILURES_PER_IP: "100000" } });
const stopServer = (s: Server) => stopBenchServer(s.child);

/** CPU seconds (user + system) and resident memory (MB) of a process, from /proc. */
function usage(pid: number): { cpu: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = 100; // USER_HZ on Linux
  const cpu = (Number(fields[11]) + Number(fields[12])) / ticks;
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return { cpu, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

class Recorder {
  readonly latencies = new Map<string, number[]>();
  errors = 0;
  readonly samples: string[] = [];

  async call<R extends { status: number; text: string }>(name: string, fn: () => Promise<R>): Promise<R | null> {
    const t0 = performance.now();
    try {
      const res = await fn();
      const ms = performance.now() - t0;
      (this.latencies.get(name) ?? this.latencies.set(name, []).get(name)!).push(ms);
      if (res.status < 200 || res.status >= 300) this.fail(`${name}: ${res.status} ${res.text.slice(0, 160)}`);
      return res;
    } catch (err) {
      this.fail(`${name}: ${String((err as Error)?.message ?? err).slice(0, 160)}`);
      return null;
    }
  }

  private fail(msg: string): void {
    this.errors++;
    if (this.samples.length < 5) this.samples.push(msg);
  }
}

const think = (ms: number) => new Promise((r) => setTimeout(r, ms * (0.5 + Math.random())));

interface RunResult {
  instances: number;
  rows: { name: string; n: number; p50: number; p95: number; max: number }[];
  requests: number;
  errors: number;
  samples: string[];
  events: number;
  servers: { cpuPct: number; peakRssMb: number; startRssMb: number }[];
  load: [number, number];
}

async function run(databaseUrl: string, instances: number): Promise<RunResult> {
  const servers = await Promise.all(Array.from({ length: instances }, () => startServer(databaseUrl)));
  let screens: ChildProcess | undefined;
  try {
    const at = (i: number) => servers[i % instances]!.url;
    log(`${instances} instance(s): setting up ${USERS.operators} operators`);
    // Enough one-WO orders for an operator tapping every ~1 s for the whole run (4 taps per order).
    const setup = await setUpWorkOrders(at(0), USERS.operators, Math.ceil(SECONDS / 3) + 5);
    const operators = setup.operators.map((o, i) => ({ client: o.client.clone(at(i)), queue: [...o.workOrders] }));
    const signIn = async (email: string, password: string) => new Client(at(0)).signInOrThrow(email, password);
    const manager = await signIn("manager@demo.com", "Manager@123");
    const inventory = await signIn("inventory@demo.com", "Inventory@123");
    const viewer = await signIn("viewer@demo.com", "Viewer@123");
    const p = prisma();
    const table = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" }, select: { id: true } });
    const steel = await p.product.findUniqueOrThrow({ where: { sku: "STEEL-01" }, select: { id: true } });
    const planners = Array.from({ length: USERS.planners }, (_, i) => manager.clone(at(i)));
    const stock = Array.from({ length: USERS.inventory }, (_, i) => inventory.clone(at(i)));
    const readers = Array.from({ length: USERS.readers }, (_, i) => (i % 3 === 0 ? manager : viewer).clone(at(i)));
    // The readers' sockets live in a process of their own (bench/mixed-sockets.ts).
    screens = spawn(process.execPath, ["--import", "tsx", path.join("bench", "mixed-sockets.ts")], {
      env: { ...process.env, MIXED_SOCKETS: JSON.stringify(readers.map((c) => ({ url: c.baseUrl, cookie: c.cookieHeader() }))) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const screenLines = createInterface({ input: screens.stdout! });
    const child = screens;
    const screenSays = (key: "ready" | "events") =>
      new Promise<number>((resolve, reject) => {
        const on = (line: string) => {
          try {
            const msg = JSON.parse(line) as Record<string, number>;
            if (key in msg) {
              screenLines.off("line", on);
              resolve(msg[key]!);
            }
          } catch {
            /* not ours */
          }
        };
        screenLines.on("line", on);
        child.once("close", (code) => reject(new Error(`bench/mixed-sockets.ts exited (code ${code})`)));
      });
    const connected = await screenSays("ready");
    if (connected !== readers.length) throw new Error(`${connected} of ${readers.length} sockets connected`);

    const rec = new Recorder();
    const loadStart = os.loadavg()[0]!;
    const before = servers.map((s) => usage(s.child.pid!));
    const peak = before.map((u) => u.rssMb);
    const sampler = setInterval(() => servers.forEach((s, i) => (peak[i] = Math.max(peak[i]!, usage(s.child.pid!).rssMb))), 500);
    const t0 = performance.now();
    const deadline = Date.now() + SECONDS * 1000;
    const live = () => Date.now() < deadline;

    const operatorLoop = async (o: { client: Client; queue: string[] }) => {
      for (const wo of o.queue) {
        for (const [name, body] of [["start", undefined], ["pause", { reason: "BREAK" }], ["start", undefined], ["complete", undefined]] as const) {
          if (!live()) return;
          await rec.call(`POST /api/workorders/:id/${name}`, () => o.client.post(`/api/workorders/${wo}/${name}`, body));
          await think(1000);
        }
      }
    };
    const plannerLoop = async (c: Client, i: number) => {
      const mine: string[] = [];
      for (let k = 0; live(); k++) {
        const made = await rec.call("POST /api/mos", () => c.post<{ id: string }>("/api/mos", { name: `Mixed ${i}.${k}`, productId: table.id, quantity: 1 + (k % 5), childOrders: "none" }));
        if (made?.status === 201) mine.push(made.body.id);
        await think(2000);
        if (!live() || !mine.length) continue;
        const target = mine[Math.floor(Math.random() * mine.length)]!;
        await rec.call("PATCH /api/mos/:id (priority)", () => c.patch(`/api/mos/${target}`, { priority: ["LOW", "NORMAL", "HIGH", "URGENT"][k % 4] }));
        await think(2000);
      }
    };
    const stockLoop = async (c: Client) => {
      for (let k = 0; live(); k++) {
        await rec.call("POST /api/stock/manual", () => c.post("/api/stock/manual", { productId: steel.id, change: k % 2 ? 1 : -1, note: "mixed load" }));
        await think(1000);
      }
    };
    const to = new Date().toISOString();
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const readerLoop = async (c: Client) => {
      await think(2500); // spread the first loads over the first seconds
      while (live()) {
        await Promise.all([
          rec.call("GET /api/reports/kpis", () => c.get("/api/reports/kpis")),
          rec.call("GET /api/mos (open, 100)", () => c.get("/api/mos?state=PLANNED,IN_PROGRESS&pageSize=100")),
          rec.call("GET /api/stock/ledger (8)", () => c.get("/api/stock/ledger?pageSize=8")),
          rec.call("GET /api/reports/oee (7 days)", () => c.get(`/api/reports/oee?${new URLSearchParams({ from, to, tz: "Europe/Amsterdam" })}`)),
        ]);
        await think(5000);
      }
    };
    log(`${instances} instance(s): 200 users for ${SECONDS} s`);
    await Promise.all([
      ...operators.map(operatorLoop),
      ...planners.map(plannerLoop),
      ...stock.map(stockLoop),
      ...readers.map(readerLoop),
    ]);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const after = servers.map((s) => usage(s.child.pid!));
    const eventsSaid = screenSays("events");
    child.kill("SIGTERM");
    const events = await eventsSaid;
    const rows = [...rec.latencies]
      .map(([name, l]) => {
        l.sort((a, b) => a - b);
        return { name, n: l.length, p50: quantile(l, 0.5), p95: quantile(l, 0.95), max: l.at(-1)! };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      instances,
      rows,
      requests: rows.reduce((s, r) => s + r.n, 0),
      errors: rec.errors,
      samples: rec.samples,
      events,
      servers: after.map((u, i) => ({ cpuPct: ((u.cpu - before[i]!.cpu) / seconds) * 100, peakRssMb: peak[i]!, startRssMb: before[i]!.rssMb })),
      load: [loadStart, os.loadavg()[0]!],
    };
  } finally {
    if (screens && screens.exitCode === null) screens.kill("SIGKILL");
    await Promise.all(servers.map(stopServer));
  }
}

function markdown(results: RunResult[]): string {
  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "—");
  const names = [...new Set(results.flatMap((r) => r.rows.map((x) => x.name)))].sort();
  const cpus = os.cpus();
  const lines = [
    TITLE,
    "",
    `\`npx tsx bench/mixed.ts\` (${new Date().toISOString().replace(/\.\d+Z$/, "Z")}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}), Node ${process.version}; the load`,
    "generator, the servers and Postgres share the machine). For " + SECONDS + " s: " + `${USERS.operators} operators tapping start → pause → start → complete on`,
    "their own one-WO orders (all consuming the same two materials), ~1 s apart; " + `${USERS.planners} planners creating MOs and re-prioritising them,`,
    `~2 s apart; ${USERS.inventory} inventory users posting ±1 manual adjustments, ~1 s apart; ${USERS.readers} readers with a live socket each,`,
    "reloading the dashboard's four reads every ~5 s (think times drawn from 0.5–1.5× those). Each server is",
    "`bench/http-server.ts` (NODE_ENV=production, pool of 10); with two, the users are split evenly and the changes of",
    "one reach the other's sockets through Postgres. A fresh database with the demo data. Latencies in ms.",
    "",
    `| endpoint | ${results.map((r) => `${r.instances} instance${r.instances > 1 ? "s" : ""}: n | p50 | p95 | max`).join(" | ")} |`,
    `|---|${results.map(() => "---:|---:|---:|---:").join("|")}|`,
    ...names.map((n) => `| ${n} | ${results.map((r) => {
      const x = r.rows.find((y) => y.name === n);
      return x ? `${x.n} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.max)}` : "— | — | — | —";
    }).join(" | ")} |`),
    "",
    "| run | requests | errors | socket events received | server CPU (% of one core) | server RSS start → peak (MB) | load average (1 min) |",
    "|---|---:|---:|---:|---|---|---|",
    ...results.map((r) => `| ${r.instances} instance${r.instances > 1 ? "s" : ""} | ${r.requests} | ${r.errors} | ${r.events} | ${r.servers.map((s) => s.cpuPct.toFixed(0)).join(" + ")} | ${r.servers.map((s) => `${s.startRssMb.toFixed(0)} → ${s.peakRssMb.toFixed(0)}`).join(", ")} | ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)} |`),
    "",
    ...results.flatMap((r) => (r.samples.length ? [`Errors (${r.instances} instance${r.instances > 1 ? "s" : ""}), the first ones: ${r.samples.map((s) => `\`${s.replace(/`/g, "'")}\``).join("; ")}`, ""] : [])),
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  const results: RunResult[] = [];
  for (const instances of RUNS) {
    const bench = await createBenchDb(SERVER, 10);
    try {
      results.push(await run(bench.url, instances));
    } finally {
      await bench.drop();
    }
  }
  const section = markdown(results);
  putSection(path.join("bench", "results.md"), section);
  console.log(`\n${section}`);
  log("its section written to bench/results.md");
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
