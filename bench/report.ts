// Formats the benchmark's figures as the markdown of bench/results.md (and for the terminal).
import type { PhaseResult } from "./stats";
import type { CpuShare } from "./workorders";

type Saturation = PhaseResult & { exhausted: number; cpu: CpuShare };

export interface Machine {
  date: string;
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  postgres: string;
  /** 1-minute load average at the start and at the end of the run (other work skews the figures). */
  load: [number, number];
}

export interface Results {
  machine: Machine;
  settings: { seconds: number; rounds: number; clients: number; operators: number; poolSize: number };
  /** Median rounds, with every round's rate. */
  service: Round;
  http: Round;
  raw: Round;
  workOrders: (PhaseResult & { exhausted: number }) | { todo: string };
  /** Independent orders: saturation on one and on two instances, and an open-loop arrival (per request). */
  independent?: { one: Saturation; two: Saturation; open: PhaseResult & { lateSends: number; rate: number; cpu: CpuShare } };
  /** The realtime fan-out section (bench/fanout.ts), already markdown. */
  fanout: string;
  ledgerOk: boolean;
}

type Round = PhaseResult & { rates: number[] };

const n = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "–");

function stockRow(name: string, r: Round, raw: Round): string {
  const rounds = r.rates.map((x) => n(x, 0)).join(" / ");
  return `| ${name} | ${n(r.perSecond)} | ${n(r.perSecond / raw.perSecond, 2)}× | ${rounds} | ${n(r.p50)} | ${n(r.p95)} | ${n(r.p99)} | ${r.errors} |`;
}

/** The whole report as markdown. */
export function toMarkdown(r: Results): string {
  const m = r.machine;
  const s = r.settings;
  const lines = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (bench/run.ts); each run replaces this file. Figures depend on the machine and on",
    "whatever else it is doing: compare runs on the same machine only.",
    "",
    "| machine | |",
    "|---|---|",
    `| date | ${m.date} |`,
    `| CPU cores | ${m.cores} (${m.cpu}) |`,
    `| memory | ${n(m.memoryGb)} GB |`,
    `| Node | ${m.node} |`,
    `| Postgres | ${m.postgres} (local, fresh database per run) |`,
    `| load average (1 min) | ${n(m.load[0], 2)} at the start, ${n(m.load[1], 2)} at the end |`,
    `| phase length | ${s.seconds} s each, after a warm-up; the stock phases take turns ${s.rounds} times |`,
    "",
    `## Stock postings on one hot product, ${s.clients} concurrent clients`,
    "",
    "Every posting is ±1 on the same product, so all of them queue for the one StockLevel row lock: this measures",
    "how long a posting holds that lock, not how many independent postings the database could do. The figures are",
    "each path's median round (rate and that round's latencies); all rounds' rates are listed; errors are summed.",
    "",
    "| path | postings/s | vs raw SQL | rounds (postings/s) | p50 ms | p95 ms | p99 ms | errors |",
    "|---|---|---|---|---|---|---|---|",
    stockRow("(1) service layer: withStockTx + postStock", r.service, r.raw),
    stockRow("(2) HTTP: POST /api/stock/manual", r.http, r.raw),
    stockRow("(3) raw SQL with pg, one transaction per posting", r.raw, r.raw),
    "",
    "- (1) runs in the benchmark process through Prisma (pg adapter, pool of " + s.poolSize + "), in an interactive transaction: the level",
    "  locked (`SELECT … FOR UPDATE`), for a −1 the balances to pick from, the balance locked with the average read, then one",
    "  statement writing level, balance and ledger row (data-modifying CTEs); 4 statements while the row is locked (−1), 3 (+1).",
    "- (2) adds everything a real request does: session decode and the user re-read, zod validation, the product",
    "  lookup, the posting whose writing statement also writes the audit row and returns the ledger line (no read-back), and publishing `stock:changed` through",
    "  Socket.IO's Postgres adapter. The server is `tests/helpers/server.ts` (pages/api through Next's own API resolver,",
    "  Socket.IO attached) in a child process of its own (`bench/http-server.ts`, NODE_ENV=production, DB_POOL_SIZE=" + s.poolSize + "), so the",
    "  load generator does not share its event loop. It is not `next start`: Next's router and page machinery are",
    "  not in the path (they do not touch API-route work).",
    "- (3) is the floor: `BEGIN; SELECT onHand … FOR UPDATE; UPDATE StockLevel; INSERT StockEntry; COMMIT` with `pg`",
    "  (pool of " + s.poolSize + "), no ORM, no audit.",
    "",
  ];
  if ("todo" in r.workOrders) {
    lines.push(`## Work orders: start → complete, ${s.operators} operators`, "", `TODO: ${r.workOrders.todo}`, "");
  } else {
    const w = r.workOrders;
    lines.push(
      `## Work orders: start → complete round trips, ${s.operators} concurrent operators`,
      "",
      "Each operator has a queue of WOs assigned to them and does `POST /api/workorders/:id/start` then",
      "`/complete` for one after another. Each WO is its MO's only one, so every completion also completes",
      "the MO and posts its stock (TABLE-100: 2 × STEEL-01 and 20 × SCR-01 consumed, 1 table produced): every",
      "operator contends for the same material rows. Latency is of the whole round trip (two requests).",
      "",
      "| round trips | round trips/s | p50 ms | p95 ms | p99 ms | errors |",
      "|---|---|---|---|---|---|",
      `| ${w.ops} | ${n(w.perSecond)} | ${n(w.p50)} | ${n(w.p95)} | ${n(w.p99)} | ${w.errors} |`,
      "",
    );
    if (w.exhausted) lines.push(`(${w.exhausted} operators ran out of work orders before the end of the phase.)`, "");
  }
  if (r.independent) lines.push(...independentSection(r.independent, s.operators));
  lines.push(r.fanout.trimEnd(), "");
  const i = r.independent;
  const samples = [r.service, r.http, r.raw, ...("todo" in r.workOrders ? [] : [r.workOrders]), ...(i ? [i.one, i.two, i.open] : [])].flatMap((p) => p.errorSamples);
  lines.push(`Ledger invariant after the run: ${r.ledgerOk ? "holds" : "VIOLATED"}.`, "");
  if (samples.length) lines.push("First errors:", "", ...samples.map((e) => `- ${e.replace(/\n/g, " ")}`), "");
  return lines.join("\n");
}

const mark = (ok: boolean) => (ok ? "✓" : "✗");

function independentSection(i: NonNullable<Results["independent"]>, operators: number): string[] {
  const row = (name: string, p: PhaseResult & { cpu: CpuShare }, target: string) =>
    `| ${name} | ${p.ops} | ${n(p.perSecond)} | ${n(p.p50)} | ${n(p.p95)} | ${n(p.p99)} | ${p.errors} | ${n(p.cpu.serverMs)} | ${n(p.cpu.postgresMs)} | ${n(p.cpu.benchMs)} | ${target} |`;
  const lines = [
    `## Work orders: independent orders, ${operators} operators, per transition`,
    "",
    "Each operator works through one-WO orders of a product of their own made from a material of their own, so no",
    "two requests touch the same order, stock level or balance. Each request (`POST /api/workorders/:id/start` or",
    "`/complete`, alternating; a completion completes the MO and posts its consumption and output) is one transition;",
    "latencies are per request. **Saturation**: every operator sends the next transition as soon as the last one",
    `answered (closed loop). **A factory's pace**: ${i.open.rate} requests/s on a fixed schedule whatever the answers (open loop:`,
    `${operators} operators each acting every ${n(operators / i.open.rate, 0)} s), a latency counted from the request's scheduled time. CPU: milliseconds per`,
    "transition of the API servers' processes (their background work too: the outbox relay, its consumers and timers,",
    "which batch several transitions' events at saturation and handle each alone at a slow pace), of the `postgres`",
    "processes on the machine (a lower bound: one that ended during the phase is not counted), and of the load generator.",
    "",
    "| phase | transitions | transitions/s | p50 ms | p95 ms | p99 ms | errors | server CPU ms | Postgres CPU ms | bench CPU ms | target |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    row("saturation, one instance", i.one, `≥ 300/s: ${n(i.one.perSecond / 300, 2)}× ${mark(i.one.perSecond >= 300)}`),
    row("saturation, two instances", i.two, `≥ 300/s: ${n(i.two.perSecond / 300, 2)}× ${mark(i.two.perSecond >= 300)}`),
    row(`open loop, ${i.open.rate}/s, one instance`, i.open, `p95 < 50 ms: ${n(i.open.p95 / 50, 2)}× ${mark(i.open.p95 < 50)}`),
    "",
  ];
  if (i.open.lateSends) lines.push(`(${i.open.lateSends} paced requests left more than 10 ms after their time: the load generator was short of CPU.)`, "");
  if (i.one.exhausted || i.two.exhausted) lines.push("(Some operators ran out of work orders before the end of a phase.)", "");
  return lines;
}
