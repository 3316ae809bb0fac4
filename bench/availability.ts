// Ranked material availability (lib/manufacturing/availability.ts) at factory scale: 5,000 open MOs
// over 2,000 products (4 components each, random priorities, deadlines and on-hand), written straight
// into a fresh database of its own (the MoRequirement trigger fills the requirements as it would for
// the app). Measures, one client at a time:
//   - a page of 50 MOs of the list with their material status (listMos: the stored status, made current first);
//   - the live per-component numbers of a page of 50 MOs (availabilityOfMos: one window-function statement);
//   - the full recompute of every open MO's status (refreshMaterialStatus), first run and after one change.
//
// Alone: `npx tsx bench/availability.ts` (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres;
// BENCH_AVAILABILITY_N samples of each, default 200).
import { randomBytes } from "node:crypto";
import { setDb, type DbHandle } from "../lib/db/client";
import { availabilityOfMos, refreshMaterialStatus } from "../lib/manufacturing/availability";
import { listMos } from "../lib/manufacturing/mo-read";
import { listMosQuery } from "../lib/manufacturing/schemas";
import { withTx } from "../lib/db/tx";
import { ensureStockLevel } from "../lib/stock/levels";
import { postStock } from "../lib/stock/post";
import { createBenchDb } from "./db";
import { quantile } from "./stats";

const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const MOS = 5000;
const PRODUCTS = 2000;
const PAGE = 50;
const log = (m: string) => console.log(`[bench:availability] ${m}`);

interface Figures {
  n: number;
  p50: number;
  p95: number;
  max: number;
}
function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1] ?? 0 };
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

/** Runs the benchmark and answers its section of bench/results.md (a FAILED section, never a throw). */
export async function benchAvailability(serverUrl: string, opts: { n?: number; restore?: DbHandle } = {}): Promise<string> {
  try {
    return await run(serverUrl, opts.n ?? Number(process.env.BENCH_AVAILABILITY_N || 200));
  } catch (err) {
    console.error(err);
    return `## Material availability (${MOS} open MOs)\n\nFAILED: ${String((err as Error)?.message ?? err).split("\n")[0]}\n`;
  } finally {
    setDb(opts.restore);
  }
}

async function run(serverUrl: string, n: number): Promise<string> {
  const bench = await createBenchDb(serverUrl, 4);
  try {
    const p = bench.handle.prisma;
    const manager = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" }, select: { id: true, role: true } });
    log(`writing ${PRODUCTS} products with stock and ${MOS} open MOs`);
    await p.$executeRawUnsafe(`
      INSERT INTO "Product" ("id", "sku", "name", "uom", "updatedAt")
      SELECT gen_random_uuid()::text, 'AV-' || lpad(g::text, 5, '0'), 'Availability part ' || g, 'pcs', now()
      FROM generate_series(1, ${PRODUCTS}) g`);
    // Opening stock through the stock module (the only writer of levels and the ledger), one posting.
    const parts = await p.product.findMany({ where: { sku: { startsWith: "AV-" } }, select: { id: true } });
    await withTx(async (tx) => {
      for (const part of parts) await ensureStockLevel(tx, part.id);
      await postStock(tx, { lines: parts.map((part, i) => ({ productId: part.id, change: 1 + ((i * 7919) % 400) })), sourceType: "INITIAL", note: "bench opening balance" });
    }, { timeout: 120_000 });
    await p.$executeRawUnsafe(`
      WITH p AS (SELECT array_agg("id" ORDER BY "sku") AS ids FROM "Product" WHERE "sku" LIKE 'AV-%')
      INSERT INTO "ManufacturingOrder" ("id", "name", "productId", "quantity", "state", "priority", "deadline", "bomSnapshot", "createdById", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, 'Bench order ' || g, p.ids[1 + (g % ${PRODUCTS})], 1 + (g % 7),
             (CASE WHEN g % 5 = 0 THEN 'IN_PROGRESS' ELSE 'PLANNED' END)::"OrderState",
             (ARRAY['LOW', 'NORMAL', 'HIGH', 'URGENT'])[1 + (g % 4)]::"Priority",
             CASE WHEN g % 3 = 0 THEN NULL ELSE now() + ((g % 90) || ' days')::interval END,
             (SELECT jsonb_agg(jsonb_build_object('materialId', p.ids[1 + ((g * 7 + k * 131) % ${PRODUCTS})], 'sku', 'x', 'name', 'x', 'uom', 'pcs', 'qtyPerUnit', k))
              FROM generate_series(1, 4) k),
             '${manager.id}', now() - (g || ' seconds')::interval, now()
      FROM generate_series(1, ${MOS}) g, p`);
    await p.$executeRawUnsafe(`ANALYZE`);
    const open = await p.manufacturingOrder.count({ where: { state: { in: ["PLANNED", "IN_PROGRESS"] } } });
    const requirements = await p.moRequirement.count();

    log("full recompute, first run (every open MO gets its status)");
    const [first, changedFirst] = await time(() => refreshMaterialStatus(p));
    const ids = (await p.manufacturingOrder.findMany({ where: { state: { in: ["PLANNED", "IN_PROGRESS"] } }, select: { id: true }, orderBy: { id: "asc" } })).map((m) => m.id);
    const pages = Math.floor(ids.length / PAGE);

    log(`warming up, then ${n} samples of each`);
    const listSamples: number[] = [];
    const liveSamples: number[] = [];
    const refreshSamples: number[] = [];
    const scopedSamples: number[] = [];
    for (let i = -10; i < n; i++) {
      const page = 1 + (Math.abs(i * 37) % pages);
      const [listMs] = await time(() => listMos(listMosQuery.parse({ page: String(page), pageSize: String(PAGE) }), manager));
      const slice = ids.slice((page - 1) * PAGE, page * PAGE);
      const [liveMs, live] = await time(() => availabilityOfMos(p, slice));
      if (live.size !== slice.length) throw new Error(`availabilityOfMos answered ${live.size} of ${slice.length} MOs`);
      if (i >= 0) {
        listSamples.push(listMs);
        liveSamples.push(liveMs);
      }
    }
    // One change between recomputes (a re-prioritised MO, through the trigger), as after a PATCH.
    for (let i = -3; i < Math.min(n, 50); i++) {
      const id = ids[(i + 3) * 17 % ids.length]!;
      await p.manufacturingOrder.update({ where: { id }, data: { priority: (["LOW", "NORMAL", "HIGH", "URGENT"] as const)[(i + 4) % 4] } });
      const [ms] = await time(() => refreshMaterialStatus(p));
      if (i >= 0) refreshSamples.push(ms);
    }
    // The same change, refreshed as the app does after publishing it: only the MOs sharing a product with it.
    for (let i = -3; i < Math.min(n, 50); i++) {
      const id = ids[(i + 3) * 23 % ids.length]!;
      await p.manufacturingOrder.update({ where: { id }, data: { priority: (["LOW", "NORMAL", "HIGH", "URGENT"] as const)[(i + 4) % 4] } });
      const [ms] = await time(() => refreshMaterialStatus(p, { full: false, productIds: [], moIds: [id] }));
      if (i >= 0) scopedSamples.push(ms);
    }
    const list = figures(listSamples);
    const live = figures(liveSamples);
    const refresh = figures(refreshSamples);
    const scoped = figures(scopedSamples);
    const ms = (v: number) => v.toFixed(1);
    const row = (label: string, f: Figures, target: string) => `| ${label} | ${f.n} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.max)} | ${target} |`;
    return [
      `## Material availability (${open} open MOs over ${PRODUCTS} products)`,
      "",
      `${requirements} requirement rows (4 components per MO, random priority, deadline and on-hand), Postgres, one client at a time.`,
      "The list reads the stored status (made current first); the page's live numbers are one window-function statement",
      "over the requirements of the products those 50 MOs use; the full recompute ranks every open requirement and stores",
      "the statuses that changed (at start-up, or after a change that names no product); after a published change the app",
      "runs the scoped recompute: only the MOs that share a product with the changed MO or stock (4 components × ~10 MOs each here).",
      "",
      "| measure | n | p50 ms | p95 ms | max ms | target |",
      "|---|---|---|---|---|---|",
      row(`GET /api/mos page of ${PAGE} with materialStatus (listMos)`, list, "p95 < 100 ms"),
      row(`live allocatedAhead/available/shortBy of a page of ${PAGE} (availabilityOfMos)`, live, "p95 < 100 ms"),
      row("full recompute after one re-prioritised MO (refreshMaterialStatus)", refresh, "< 200 ms"),
      row("scoped recompute after one re-prioritised MO (what the app runs after the PATCH)", scoped, `< 200 ms; ${(refresh.p50 / Math.max(scoped.p50, 0.001)).toFixed(1)}× faster than full at p50`),
      `| full recompute, first run (${changedFirst.length} statuses written) | 1 | ${ms(first)} | ${ms(first)} | ${ms(first)} | < 200 ms |`,
      "",
    ].join("\n");
  } finally {
    await bench.drop();
  }
}

// `npx tsx bench/availability.ts`: run alone and print the section.
if (process.argv[1] && /bench[\\/]availability\.ts$/.test(process.argv[1])) {
  process.env.NEXTAUTH_SECRET ||= randomBytes(32).toString("base64url");
  benchAvailability(process.env.BENCH_DATABASE_URL || DEFAULT_SERVER).then(
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
