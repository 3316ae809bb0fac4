// Locations and lots (issue 13): a database of its own (bench/db.ts: fresh, migrated, demo-seeded), then
//  (1) stock postings on one hot product, 32 concurrent clients, the service layer (withStockTx +
//      postStock, like bench/stock.ts): lines without location/lot (the per-product path, picked from
//      the balances) and lines naming STOCK and a lot of a LOT-tracked product, taking turns round by
//      round; the ratio lot-path / plain-path of the median rounds is the figure (one run, same load);
//  (2) the trace of a lot through a 3-level production chain (raw lot → MO → sub-assembly lot → MO →
//      top lot) over a ledger of ~1 M rows, generated set-based (INSERT … SELECT generate_series, the
//      ledger columns by lib/stock/bulk.ts bulkLedgerSql), timing traceLot (lib/lots/trace.ts, what
//      GET /api/lots/:id/trace runs) downstream from the raw lot and upstream from the top lot, with
//      the per-level queries' EXPLAIN (which indexes they use). Target: p95 < 100 ms.
// The ledger invariant (tests/helpers/ledger.ts) is checked at the end (postings and generated rows).
//
// `npm run bench` runs it with BENCH_LOTS=1; `BENCH_ONLY=lots npm run bench` runs only this and puts its
// section into bench/results.md in place of an earlier one (the rest of the file is kept).
// Environment: BENCH_LOTS_ROWS generated ledger rows (default 1000000), BENCH_LOTS_TRACES calls per
// direction (default 200), BENCH_LOTS_KEEP=1 keeps the database afterwards (its name is printed) for
// EXPLAIN work; BENCH_SECONDS / BENCH_ROUNDS / BENCH_POOL_SIZE as bench/run.ts.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { prisma, setDb, type DbHandle } from "../lib/db/client";
import { withStockTx } from "../lib/inventory/tx";
import { DEFAULT_LOCATIONS } from "../lib/locations/defaults";
import { traceLot } from "../lib/lots/trace";
import { ensureStockLevel } from "../lib/stock/levels";
import { bulkLedgerSql, BULK_EVENT_COLUMNS } from "../lib/stock/bulk";
import { postStock } from "../lib/stock/post";
import { Client } from "../tests/helpers/client";
import { ledgerViolations } from "../tests/helpers/ledger";
import { startApiServer } from "../tests/helpers/server";
import { createBenchDb, type BenchDb } from "./db";
import { medianRound, quantile, runFor, type PhaseResult } from "./stats";
import { hotProduct } from "./stock";

export const LOTS_TITLE = "## Locations and lots";
const TARGET_MS = 100;
const CLIENTS = 32;
const OPENING = 1_000_000;
const WARMUP_SECONDS = 2;
const log = (m: string) => console.log(`[bench:lots] ${m}`);

const sign = (i: number) => (i % 2 === 0 ? -1 : 1);
const n = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "–");

/** A LOT-tracked product with one lot holding a large opening balance at STOCK. */
async function hotLot(): Promise<{ productId: string; lotId: string }> {
  const p = await prisma().product.create({
    data: { sku: `BENCH-LOT-${Date.now().toString(36)}`, name: "Bench hot product (lot)", uom: "pcs", tracking: "LOT" },
  });
  const lot = await prisma().lot.create({ data: { productId: p.id, code: "BENCH-LOT-1" } });
  await withStockTx(async (tx) => {
    await ensureStockLevel(tx, p.id);
    await postStock(tx, { lines: [{ productId: p.id, locationId: DEFAULT_LOCATIONS.STOCK, lotId: lot.id, change: OPENING }], sourceType: "INITIAL", note: "bench opening balance" });
  });
  return { productId: p.id, lotId: lot.id };
}

async function plainPath(clients: number, seconds: number, actorId: string): Promise<PhaseResult> {
  const productId = await hotProduct("plain");
  return runFor(clients, seconds, async (_, i) => {
    await withStockTx((tx) => postStock(tx, { lines: [{ productId, change: sign(i) }], sourceType: "MANUAL", note: "bench", actorId }));
    return true;
  });
}

async function lotPath(clients: number, seconds: number, actorId: string): Promise<PhaseResult> {
  const { productId, lotId } = await hotLot();
  return runFor(clients, seconds, async (_, i) => {
    await withStockTx((tx) =>
      postStock(tx, { lines: [{ productId, locationId: DEFAULT_LOCATIONS.STOCK, lotId, change: sign(i) }], sourceType: "MANUAL", note: "bench", actorId }),
    );
    return true;
  });
}

interface Chain {
  rawLot: string;
  topLot: string;
  rawCode: string;
  topCode: string;
}

/**
 * ~`rows` ledger rows over 1,000 LOT-tracked products (500 materials, 500 finished) × 20 lots each at
 * STOCK/WIP/FG, 10,000 DONE MOs consuming material lots and producing finished lots (one level: the
 * filler lots never feed a further MO), then the 3-level chain. One transaction, set-based.
 */
async function generate(handle: DbHandle, rows: number, actorId: string): Promise<{ chain: Chain; seconds: number }> {
  const P = 1000;
  const HALF = P / 2;
  const L = 20;
  const M = 10_000;
  const { STOCK, WIP, FG } = DEFAULT_LOCATIONS;
  const id = { rawP: randomUUID(), subP: randomUUID(), topP: randomUUID(), raw: randomUUID(), sub: randomUUID(), top: randomUUID(), mo1: randomUUID(), mo2: randomUUID() };
  const chain: Chain = { rawLot: id.raw, topLot: id.top, rawCode: "TRACE-RAW-1", topCode: "TRACE-TOP-1" };
  const sql = `
CREATE TEMP TABLE lb_prod AS SELECT gen_random_uuid()::text AS id, i, (i < ${HALF}) AS raw FROM generate_series(0, ${P - 1}) i;
INSERT INTO lb_prod VALUES ('${id.rawP}', -1, true), ('${id.subP}', -2, false), ('${id.topP}', -3, false);
INSERT INTO "Product" ("id", "sku", "name", "uom", "tracking", "isFinished", "updatedAt")
SELECT id, CASE i WHEN -1 THEN 'TRACE-RAW' WHEN -2 THEN 'TRACE-SUB' WHEN -3 THEN 'TRACE-TOP' ELSE 'LOTB-' || lpad(i::text, 4, '0') END,
       'Lot bench product ' || i, 'pcs', 'LOT', NOT raw, now() FROM lb_prod;
CREATE TEMP TABLE lb_lot AS SELECT gen_random_uuid()::text AS id, p.id AS "productId", p.i, j FROM lb_prod p, generate_series(0, ${L - 1}) j WHERE p.i >= 0;
INSERT INTO "Lot" ("id", "productId", "code") SELECT id, "productId", 'LB' || lpad(i::text, 4, '0') || '-' || lpad(j::text, 2, '0') FROM lb_lot;
INSERT INTO "Lot" ("id", "productId", "code") VALUES ('${id.raw}', '${id.rawP}', '${chain.rawCode}'), ('${id.sub}', '${id.subP}', 'TRACE-SUB-1'), ('${id.top}', '${id.topP}', '${chain.topCode}');
CREATE UNIQUE INDEX ON lb_lot (i, j);
CREATE TEMP TABLE lb_mo AS SELECT gen_random_uuid()::text AS id, m FROM generate_series(0, ${M - 1}) m;
INSERT INTO "ManufacturingOrder" ("id", "name", "productId", "quantity", "producedQty", "state", "bomSnapshot", "createdById", "completedAt", "updatedAt")
SELECT mo.id, 'Lot bench MO ' || mo.m, p.id, 10, 10, 'DONE', '[]'::jsonb, '${actorId}', now(), now()
FROM lb_mo mo JOIN lb_prod p ON p.i = ${HALF} + mo.m % ${HALF};
INSERT INTO "ManufacturingOrder" ("id", "name", "productId", "quantity", "producedQty", "state", "bomSnapshot", "createdById", "completedAt", "updatedAt") VALUES
  ('${id.mo1}', 'Trace MO sub-assembly', '${id.subP}', 20, 20, 'DONE', '[]'::jsonb, '${actorId}', now(), now()),
  ('${id.mo2}', 'Trace MO top level', '${id.topP}', 10, 10, 'DONE', '[]'::jsonb, '${actorId}', now(), now());
ANALYZE lb_prod; ANALYZE lb_lot; ANALYZE lb_mo;

CREATE TEMP TABLE lb_ev (${BULK_EVENT_COLUMNS});
-- Row g: product g % P, lot (g / P) % L of it; the lot's occ-th row (occ = g / (P·L)): materials
-- receive (+30), are consumed by an MO (-5) or adjusted (-1); finished lots are produced by an MO (+2)
-- twice, then shipped (-1). Material lots j % 4 = 0 live at WIP, the others at STOCK; finished at FG.
INSERT INTO lb_ev ("productId", "at", "ord", "change", "sourceType", "sourceId", "unitCost", "createdById", "locationId", "lotId")
SELECT p.id,
       (now() AT TIME ZONE 'UTC') - interval '365 days' + g * (interval '364 days' / ${rows}),
       0,
       CASE WHEN p.raw THEN (CASE s.occ % 3 WHEN 0 THEN 30 WHEN 1 THEN -5 ELSE -1 END) ELSE (CASE WHEN s.occ % 3 < 2 THEN 2 ELSE -1 END) END,
       (CASE WHEN p.raw THEN (CASE s.occ % 3 WHEN 0 THEN 'RECEIPT' WHEN 1 THEN 'MO_CONSUMPTION' ELSE 'MANUAL' END)
             ELSE (CASE WHEN s.occ % 3 < 2 THEN 'MO_OUTPUT' ELSE 'MANUAL' END) END)::"StockSourceType",
       CASE WHEN (p.raw AND s.occ % 3 = 1) OR (NOT p.raw AND s.occ % 3 < 2) THEN mo.id END,
       1.5, '${actorId}',
       CASE WHEN NOT p.raw THEN '${FG}' WHEN l.j % 4 = 0 THEN '${WIP}' ELSE '${STOCK}' END,
       l.id
FROM generate_series(0, ${rows - 12}) g
CROSS JOIN LATERAL (SELECT g / ${P * L} AS occ) s
JOIN lb_prod p ON p.i = g % ${P}
JOIN lb_lot l ON l.i = g % ${P} AND l.j = (g / ${P}) % ${L}
JOIN lb_mo mo ON mo.m = (g / 7) % ${M};

-- The chain, after the filler: TRACE-RAW-1 (+100) and a filler material lot go into MO 1, which makes
-- TRACE-SUB-1 (+20); that and another filler material lot go into MO 2, which makes TRACE-TOP-1 (+10).
INSERT INTO lb_ev ("productId", "at", "ord", "change", "sourceType", "sourceId", "unitCost", "createdById", "locationId", "lotId")
SELECT v.p, (now() AT TIME ZONE 'UTC'), v.o, v.c, v.t::"StockSourceType", v.s, 1.5, '${actorId}', v.loc, v.lot
FROM (VALUES
  ('${id.rawP}', 1, 100, 'RECEIPT', NULL, '${STOCK}', '${id.raw}'),
  ('${id.rawP}', 2, -40, 'MO_CONSUMPTION', '${id.mo1}', '${STOCK}', '${id.raw}'),
  ((SELECT "productId" FROM lb_lot WHERE i = 1 AND j = 1), 3, -10, 'MO_CONSUMPTION', '${id.mo1}', '${STOCK}', (SELECT id FROM lb_lot WHERE i = 1 AND j = 1)),
  ('${id.subP}', 4, 20, 'MO_OUTPUT', '${id.mo1}', '${FG}', '${id.sub}'),
  ('${id.subP}', 5, -20, 'MO_CONSUMPTION', '${id.mo2}', '${FG}', '${id.sub}'),
  ((SELECT "productId" FROM lb_lot WHERE i = 2 AND j = 1), 6, -5, 'MO_CONSUMPTION', '${id.mo2}', '${STOCK}', (SELECT id FROM lb_lot WHERE i = 2 AND j = 1)),
  ('${id.topP}', 7, 10, 'MO_OUTPUT', '${id.mo2}', '${FG}', '${id.top}')
) AS v(p, o, c, t, s, loc, lot);
ANALYZE lb_ev;
${bulkLedgerSql("lb_ev", "lb_prod")}
DROP TABLE lb_ev; DROP TABLE lb_mo; DROP TABLE lb_lot; DROP TABLE lb_prod;
`;
  const t0 = performance.now();
  const conn = await handle.connect();
  try {
    await conn.exec(`SET temp_buffers = '512MB'; SET work_mem = '128MB'`);
    await conn.exec("BEGIN");
    try {
      await conn.exec(sql);
      await conn.exec("COMMIT");
    } catch (err) {
      await conn.exec("ROLLBACK").catch(() => undefined);
      throw err;
    }
    await conn.exec(`ANALYZE "StockEntry"; ANALYZE "StockBalance"; ANALYZE "Lot"; ANALYZE "ManufacturingOrder"; ANALYZE "Product"`);
  } finally {
    await conn.release();
  }
  return { chain, seconds: (performance.now() - t0) / 1000 };
}

/** `calls` sequential traceLot calls after 5 warm-ups: sorted latencies (ms) and the last answer. */
async function timeTrace(lotId: string, calls: number): Promise<{ ms: number[]; answer: Awaited<ReturnType<typeof traceLot>> }> {
  let answer = await traceLot({ id: lotId, depth: 5 });
  for (let i = 0; i < 4; i++) answer = await traceLot({ id: lotId, depth: 5 });
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    answer = await traceLot({ id: lotId, depth: 5 });
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { ms, answer };
}

/** The same over HTTP: `GET path` (the trace, or the lot alone as the request path's baseline), `calls` times after 5 warm-ups (sorted ms). */
async function timeHttp(client: Client, path: string, calls: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < calls + 5; i++) {
    const t0 = performance.now();
    const res = await client.get(path);
    const took = performance.now() - t0;
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
    if (i >= 5) ms.push(took);
  }
  return ms.sort((a, b) => a - b);
}

/** The levels a trace answer reaches (downstream consumedIn → outputLots, upstream madeFrom). */
function depthDown(c: { outputLots: { consumedIn?: unknown[] }[] }[]): number {
  return c.length ? 1 + Math.max(0, ...c.flatMap((x) => x.outputLots.map((o) => depthDown((o.consumedIn ?? []) as typeof c)))) : 0;
}
function depthUp(m: { madeFrom?: unknown[] }[]): number {
  return m.length ? 1 + Math.max(...m.map((x) => depthUp((x.madeFrom ?? []) as typeof m))) : 0;
}

/** The per-level queries of lib/lots/trace.ts, EXPLAINed (ANALYZE) on the chain's lots: the index names in their plans. */
async function explainLevels(handle: DbHandle, chain: Chain): Promise<{ name: string; indexes: string[]; ms: number; seq: boolean }[]> {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const conn = await handle.connect();
  try {
    const mo = (await conn.query<{ s: string }>(`SELECT "sourceId" AS s FROM "StockEntry" WHERE "sourceType" = 'MO_CONSUMPTION' AND "lotId" = ${q(chain.rawLot)} LIMIT 1`))[0]!.s;
    const queries: [string, string][] = [
      [
        "downstream: MOs consuming the lots",
        `SELECT e."lotId", mo."id", mo."orderNo", -SUM(e."change") FROM "StockEntry" e JOIN "ManufacturingOrder" mo ON mo."id" = e."sourceId"
         WHERE e."sourceType" = 'MO_CONSUMPTION' AND e."lotId" IN (${q(chain.rawLot)}) GROUP BY e."lotId", mo."id", mo."orderNo" ORDER BY mo."orderNo"`,
      ],
      [
        "downstream: those MOs' output lots",
        `SELECT e."sourceId", e."lotId", lot."productId", lot."code", p."sku", SUM(e."change") FROM "StockEntry" e JOIN "Lot" lot ON lot."id" = e."lotId" JOIN "Product" p ON p."id" = lot."productId"
         WHERE e."sourceType" = 'MO_OUTPUT' AND e."sourceId" IN (${q(mo)}) GROUP BY e."sourceId", e."lotId", lot."productId", lot."code", p."sku" ORDER BY lot."code"`,
      ],
      [
        "upstream: lots consumed by the MOs that made the lots",
        `WITH made AS (SELECT DISTINCT e."lotId", e."sourceId" FROM "StockEntry" e WHERE e."sourceType" = 'MO_OUTPUT' AND e."lotId" IN (${q(chain.topLot)}))
         SELECT made."lotId", c."sourceId", mo."orderNo", c."lotId", lot."productId", lot."code", p."sku", -SUM(c."change")
         FROM made JOIN "StockEntry" c ON c."sourceType" = 'MO_CONSUMPTION' AND c."sourceId" = made."sourceId" AND c."lotId" IS NOT NULL
         JOIN "ManufacturingOrder" mo ON mo."id" = c."sourceId" JOIN "Lot" lot ON lot."id" = c."lotId" JOIN "Product" p ON p."id" = lot."productId"
         GROUP BY made."lotId", c."sourceId", mo."orderNo", c."lotId", lot."productId", lot."code", p."sku" ORDER BY lot."code"`,
      ],
      [
        "producer of the lot",
        `SELECT mo."id", mo."orderNo" FROM "StockEntry" e JOIN "ManufacturingOrder" mo ON mo."id" = e."sourceId"
         WHERE e."sourceType" = 'MO_OUTPUT' AND e."lotId" = ${q(chain.topLot)} ORDER BY e."id" LIMIT 1`,
      ],
    ];
    const out = [];
    for (const [name, text] of queries) {
      const plan = (await conn.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${text}`)).map((r) => r["QUERY PLAN"]);
      const indexes = [...new Set(plan.flatMap((l) => [...l.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) "?(\w+)"?/g)].map((m) => m[1]!)))];
      const seq = plan.some((l) => /Seq Scan on "?StockEntry"?/.test(l));
      const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.join("\n"))?.[1] ?? NaN);
      log(`EXPLAIN ${name}:\n${plan.join("\n")}`);
      out.push({ name, indexes, ms, seq });
    }
    return out;
  } finally {
    await conn.release();
  }
}

/** Runs the benchmark and answers its section of bench/results.md (a FAILED section, never a throw). */
export async function benchLots(serverUrl: string, opts: { restore?: DbHandle; onlyRun?: boolean } = {}): Promise<string> {
  try {
    return await run(serverUrl, opts.onlyRun ?? false);
  } catch (err) {
    console.error(err);
    return `${LOTS_TITLE}\n\nFAILED: ${String((err as Error)?.message ?? err).split("\n")[0]}\n`;
  } finally {
    setDb(opts.restore);
  }
}

async function run(serverUrl: string, onlyRun: boolean): Promise<string> {
  const seconds = Number(process.env.BENCH_SECONDS || 8);
  const rounds = Number(process.env.BENCH_ROUNDS || 3);
  const pool = Number(process.env.BENCH_POOL_SIZE || 10);
  const rows = Number(process.env.BENCH_LOTS_ROWS || 1_000_000);
  const calls = Number(process.env.BENCH_LOTS_TRACES || 200);
  const loadBefore = os.loadavg()[0]!;
  log("creating a fresh database");
  const bench: BenchDb = await createBenchDb(serverUrl, pool);
  try {
    const actor = await prisma().user.findUniqueOrThrow({ where: { email: "inventory@demo.com" } });

    // (1) Postings: the two paths take turns, each reports its median round.
    log(`warming up both posting paths (${WARMUP_SECONDS} s each)`);
    await plainPath(CLIENTS, WARMUP_SECONDS, actor.id);
    await lotPath(CLIENTS, WARMUP_SECONDS, actor.id);
    const r = { plain: [] as PhaseResult[], lot: [] as PhaseResult[] };
    for (let i = 1; i <= rounds; i++) {
      log(`round ${i}/${rounds}: plain, then location + lot — ${CLIENTS} clients, ${seconds} s each`);
      r.plain.push(await plainPath(CLIENTS, seconds, actor.id));
      r.lot.push(await lotPath(CLIENTS, seconds, actor.id));
    }
    const plain = medianRound(r.plain);
    const lot = medianRound(r.lot);
    const ratio = lot.perSecond / plain.perSecond;
    log(`plain ${n(plain.perSecond)}/s, lot ${n(lot.perSecond)}/s, ratio ${n(ratio, 2)}`);
    const loadMid = os.loadavg()[0]!;

    // (2) The trace over a big ledger.
    log(`generating ~${rows.toLocaleString("en-US")} ledger rows (set-based)`);
    const { chain, seconds: genSeconds } = await generate(bench.handle, rows, actor.id);
    const conn = await bench.handle.connect();
    let entries = 0;
    let lots = 0;
    let balances = 0;
    try {
      entries = (await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM "StockEntry"`))[0]!.n;
      lots = (await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Lot"`))[0]!.n;
      balances = (await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM "StockBalance"`))[0]!.n;
    } finally {
      await conn.release();
    }
    log(`generated in ${genSeconds.toFixed(1)} s: ${entries} entries, ${lots} lots, ${balances} balances`);
    const explains = await explainLevels(bench.handle, chain);
    log(`tracing ${chain.rawCode} downstream and ${chain.topCode} upstream, ${calls} calls each`);
    const down = await timeTrace(chain.rawLot, calls);
    const up = await timeTrace(chain.topLot, calls);
    log("the same over HTTP (GET /api/lots/:id/trace?depth=5, server in this process)");
    const server = await startApiServer({ databaseUrl: bench.url });
    let downHttp: number[];
    let upHttp: number[];
    let lotHttp: number[];
    try {
      const inventory = await new Client(server.url).signInOrThrow("inventory@demo.com", "Inventory@123");
      lotHttp = await timeHttp(inventory, `/api/lots/${chain.topLot}`, calls);
      downHttp = await timeHttp(inventory, `/api/lots/${chain.rawLot}/trace?depth=5`, calls);
      upHttp = await timeHttp(inventory, `/api/lots/${chain.topLot}/trace?depth=5`, calls);
    } finally {
      await server.close();
    }
    // Lot levels: the traced lot plus the MO levels reached.
    const downLevels = 1 + depthDown(down.answer.consumedIn as Parameters<typeof depthDown>[0]);
    const upLevels = 1 + depthUp(up.answer.madeFrom);
    const stats = (ms: number[]) => ({ p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), p99: quantile(ms, 0.99), max: ms[ms.length - 1]! });
    const sd = stats(down.ms);
    const su = stats(up.ms);
    const sdh = stats(downHttp);
    const suh = stats(upHttp);
    const slh = stats(lotHttp);
    log(`downstream p95 ${n(sd.p95)} ms (${downLevels} levels), upstream p95 ${n(su.p95)} ms (${upLevels} levels); over HTTP ${n(sdh.p95)} / ${n(suh.p95)} ms`);

    log("checking the ledger invariant");
    const violations = await ledgerViolations(prisma());
    const loadAfter = os.loadavg()[0]!;

    const met = (p95: number) => (p95 < TARGET_MS ? "met" : "**missed**");
    const postRow = (name: string, x: typeof plain) =>
      `| ${name} | ${n(x.perSecond)} | ${x.rates.map((v) => n(v, 0)).join(" / ")} | ${n(x.p50)} | ${n(x.p95)} | ${n(x.p99)} | ${x.errors} |`;
    const traceRow = (name: string, s: ReturnType<typeof stats>, levels: number) =>
      `| ${name} | ${calls} | ${levels} | ${n(s.p50)} | ${n(s.p95)} | ${n(s.p99)} | ${n(s.max)} | ${met(s.p95)} |`;
    const samples = [...plain.errorSamples, ...lot.errorSamples];
    return [
      LOTS_TITLE,
      "",
      `Run ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}, ${os.cpus().length} cores, load average (1 min) ${n(loadBefore, 2)} at the start, ` +
        `${n(loadMid, 2)} after the postings, ${n(loadAfter, 2)} at the end; bench/lots.ts, ` +
        (onlyRun ? "measured with `BENCH_ONLY=lots npm run bench` in a run of its own" : "run by `BENCH_LOTS=1 npm run bench`") +
        ` on a fresh database of its own (migrated, demo seed). Ledger invariant afterwards (the postings and the generated rows): ${violations.length ? `VIOLATED (${violations.length})` : "holds"}.`,
      "",
      `### Postings with location and lot vs the per-product path, ${CLIENTS} concurrent clients`,
      "",
      `Service layer (withStockTx + postStock, pool of ${pool}), ±1 on one hot product, ${seconds} s phases after a ${WARMUP_SECONDS} s warm-up, the two paths taking turns ${rounds} times;`,
      "each path's median round (its rate and latencies), every round's rate, errors summed. Plain: lines without location or lot, as before",
      "locations (an outbound line is picked from the product's balances, STOCK first); lot: lines naming STOCK and a lot of a LOT-tracked product.",
      "",
      "| path | postings/s | rounds (postings/s) | p50 ms | p95 ms | p99 ms | errors |",
      "|---|---|---|---|---|---|---|",
      postRow("plain: `{ productId, change }`", plain),
      postRow("location + lot: `{ productId, locationId: STOCK, lotId, change }`", lot),
      "",
      `**Ratio lot path / plain path: ${n(ratio, 2)}×** (postings/s of the median rounds, same run).`,
      "",
      `### Trace of a lot through 3 levels over a ledger of ${(entries / 1e6).toFixed(2)} M rows`,
      "",
      `The ledger: ${entries.toLocaleString("en-US")} StockEntry rows (generated in ${genSeconds.toFixed(0)} s with INSERT … SELECT generate_series and`,
      "lib/stock/bulk.ts `bulkLedgerSql`, one transaction) over 1,000 LOT-tracked products × 20 lots at STOCK, WIP and FG, " +
        `${lots.toLocaleString("en-US")} lots, ${balances.toLocaleString("en-US")} balances, 10,000 DONE MOs`,
      "(filler MOs consume material lots and produce finished lots), a year of timestamps. The chain: TRACE-RAW-1 and a filler material lot → MO 1 →",
      "TRACE-SUB-1; TRACE-SUB-1 and another filler lot → MO 2 → TRACE-TOP-1. `traceLot({ depth: 5 })` (lib/lots/trace.ts, what",
      `\`GET /api/lots/:id/trace?depth=5\` answers) in the benchmark process, and that request over HTTP as the demo inventory user (tests/helpers/server.ts in`,
      `the same process, as bench/year.ts); ${calls} calls one at a time after 5 warm-ups, per direction and way.`,
      "",
      `| trace | calls | lot levels in the answer | p50 ms | p95 ms | p99 ms | max ms | p95 < ${TARGET_MS} ms |`,
      "|---|---:|---:|---:|---:|---:|---:|---|",
      traceRow(`traceLot, downstream from ${chain.rawCode} (consumedIn)`, sd, downLevels),
      traceRow(`traceLot, upstream from ${chain.topCode} (madeFrom)`, su, upLevels),
      traceRow(`HTTP GET …/trace?depth=5, downstream from ${chain.rawCode}`, sdh, downLevels),
      traceRow(`HTTP GET …/trace?depth=5, upstream from ${chain.topCode}`, suh, upLevels),
      `| (baseline: HTTP GET /api/lots/:id, the lot alone) | ${calls} | – | ${n(slh.p50)} | ${n(slh.p95)} | ${n(slh.p99)} | ${n(slh.max)} | – |`,
      "",
      `**Target p95 < ${TARGET_MS} ms: ${[sd, su, sdh, suh].every((x) => x.p95 < TARGET_MS) ? "met" : "missed"}** ` +
        ([sd, su, sdh, suh].every((x) => x.p95 < TARGET_MS) ? "in both directions, in the service layer and over HTTP." : "(see above which)."),
      "",
      "The per-level queries, `EXPLAIN ANALYZE` on the generated database (indexes in their plans):",
      "",
      "| query | indexes used | seq scan of StockEntry | execution ms |",
      "|---|---|---|---:|",
      ...explains.map((e) => `| ${e.name} | ${e.indexes.map((i) => `\`${i}\``).join(", ") || "none"} | ${e.seq ? "yes" : "no"} | ${n(e.ms, 2)} |`),
      "",
      ...(samples.length ? ["First errors:", "", ...samples.map((e) => `- ${e.replace(/\n/g, " ")}`), ""] : []),
    ].join("\n");
  } finally {
    if (process.env.BENCH_LOTS_KEEP === "1") log(`kept the database ${bench.name} (${bench.url})`);
    else await bench.drop();
  }
}
