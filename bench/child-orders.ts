// MO creation with sub-assembly child orders (lib/manufacturing/child-orders.ts) against a plain MO
// creation, through the service (createMo: one transaction, the order number, snapshot, WOs, audit,
// and the detail it answers with). A three-level product: TOP ← 2 FRAME + 4 RAW, FRAME ← 3 SUB + 1 RAW,
// SUB ← 2 RAW, each with one operation. Three kinds of creation take turns so drift on a shared
// machine falls on all of them: TOP with `childOrders: "none"` (plain: one MO), with `"all"` (three
// MOs, one per level) and with `"shortage"` (nothing on hand, so three MOs, plus the ranked
// availability query at each level). One client, one at a time: latency, not contention. Runs on a
// fresh database it creates on the given server and drops at the end.
//
// Alone: `npx tsx bench/child-orders.ts` (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres;
// BENCH_CHILD_ORDERS_N creations of each kind, default 300).
import { randomBytes } from "node:crypto";
import { setDb, type DbHandle } from "../lib/db/client";
import { createMo } from "../lib/manufacturing/mo-create";
import { createBenchDb } from "./db";
import { quantile } from "./stats";

const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const KINDS = ["none", "all", "shortage"] as const;
type Kind = (typeof KINDS)[number];

const log = (m: string) => console.log(`[bench:child-orders] ${m}`);

interface Figures {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1) };
}

/**
 * Runs the benchmark and answers its section of bench/results.md (a FAILED section, never a throw:
 * the other figures of the run stay). Its database becomes the process-wide handle while it runs;
 * `restore` is put back afterwards.
 */
export async function benchChildOrders(serverUrl: string, opts: { n?: number; restore?: DbHandle } = {}): Promise<string> {
  try {
    return await run(serverUrl, opts.n ?? Number(process.env.BENCH_CHILD_ORDERS_N || 300));
  } catch (err) {
    console.error(err);
    return `## MO creation with sub-assembly orders (3 levels)\n\nFAILED: ${String((err as Error)?.message ?? err).split("\n")[0]}\n`;
  } finally {
    setDb(opts.restore);
  }
}

async function run(serverUrl: string, n: number): Promise<string> {
  const bench = await createBenchDb(serverUrl, 4);
  try {
    const p = bench.handle.prisma;
    const manager = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" }, select: { id: true, role: true } });
    const stamp = Date.now().toString(36);
    const make = (sku: string) => p.product.create({ data: { sku: `${sku}-${stamp}`, name: `Bench ${sku}`, uom: "pcs" }, select: { id: true } });
    const [raw, sub, frame, top] = [await make("RAW"), await make("SUB"), await make("FRAME"), await make("TOP")];
    const bom = (productId: string, components: [string, number][], title: string) =>
      p.bOM.create({ data: { productId, components: { create: components.map(([materialId, qtyPerUnit]) => ({ materialId, qtyPerUnit })) }, operations: { create: [{ sequence: 1, title, minutesPerUnit: 1 }] } } });
    await bom(sub.id, [[raw.id, 2]], "Cut");
    await bom(frame.id, [[sub.id, 3], [raw.id, 1]], "Weld");
    await bom(top.id, [[frame.id, 2], [raw.id, 4]], "Assemble");

    const once = async (kind: Kind, i: number): Promise<number> => {
      const t0 = performance.now();
      const { result } = await createMo({ name: `Bench ${kind} ${i}`, productId: top.id, quantity: 5, childOrders: kind }, manager);
      const ms = performance.now() - t0;
      const expected = kind === "none" ? 0 : 2;
      if (result.descendants.length !== expected) throw new Error(`${kind}: ${result.descendants.length} child orders, expected ${expected}`);
      return ms;
    };
    log(`warming up (20 of each kind)`);
    for (let i = 0; i < 20; i++) for (const kind of KINDS) await once(kind, -i);
    log(`${n} creations of each kind, taking turns`);
    const samples: Record<Kind, number[]> = { none: [], all: [], shortage: [] };
    for (let i = 0; i < n; i++) for (const kind of KINDS) samples[kind].push(await once(kind, i));
    const f = { none: figures(samples.none), all: figures(samples.all), shortage: figures(samples.shortage) };
    const ms = (v: number) => v.toFixed(1);
    const ratio = (k: Kind) => (f[k].p95 / f.none.p95).toFixed(2);
    const openMos = await p.manufacturingOrder.count({ where: { state: "PLANNED" } });
    return [
      "## MO creation with sub-assembly orders (3 levels)",
      "",
      "`createMo` through the service, one client, one creation at a time; the three kinds take turns. TOP ← 2 FRAME + 4 RAW,",
      "FRAME ← 3 SUB + 1 RAW, SUB ← 2 RAW, one operation each: a plain creation writes 1 MO, a 3-level one 3 MOs (and their",
      `WOs, audit rows and requirement rows) in one transaction. ${n} of each after 20 warm-ups; ${openMos} open MOs at the end.`,
      "",
      "| creation | MOs written | p50 ms | p95 ms | p99 ms | mean ms | p95 ratio to plain |",
      "|---|---|---|---|---|---|---|",
      `| plain (\`childOrders: "none"\`) | 1 | ${ms(f.none.p50)} | ${ms(f.none.p95)} | ${ms(f.none.p99)} | ${ms(f.none.mean)} | 1.00× |`,
      `| 3 levels, \`"all"\` | 3 | ${ms(f.all.p50)} | ${ms(f.all.p95)} | ${ms(f.all.p99)} | ${ms(f.all.mean)} | ${ratio("all")}× |`,
      `| 3 levels, \`"shortage"\` (ranked availability per level) | 3 | ${ms(f.shortage.p50)} | ${ms(f.shortage.p95)} | ${ms(f.shortage.p99)} | ${ms(f.shortage.mean)} | ${ratio("shortage")}× |`,
      "",
    ].join("\n");
  } finally {
    await bench.drop();
  }
}

// `npx tsx bench/child-orders.ts`: run alone and print the section.
if (process.argv[1] && /bench[\\/]child-orders\.ts$/.test(process.argv[1])) {
  process.env.NEXTAUTH_SECRET ||= randomBytes(32).toString("base64url");
  benchChildOrders(process.env.BENCH_DATABASE_URL || DEFAULT_SERVER).then(
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
