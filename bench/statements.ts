// `npx tsx bench/statements.ts`: the SQL statements one work order start, one completion and one manual
// stock posting over HTTP (POST /api/stock/manual, issue 16 §2) send, in order, on a fresh Postgres database (dropped at the end); the completion finishes its order (TABLE-100:
// consumption and output postings). Every statement is a round trip and, on the server's one JS thread,
// Prisma's and pg's work per statement is most of a request's cost (docs/performance.md "Where a work
// order transition's time goes"), so this is the list to shorten. It counts what reaches pg.Client.query
// during each request and the 500 ms after it (the outbox relay and its consumers run after the commit),
// with each statement's time from the call to its answer (one request alone: the database's work and the round trip).
//   BENCH_DATABASE_URL   the server (default postgresql://postgres@127.0.0.1:5432/postgres)
import { randomBytes } from "node:crypto";
import pg from "pg";

process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
const SERVER = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

/** Each statement, and its time from the call to its answer (the database's work plus the round trip). */
const seen: { text: string; ms: number }[] = [];
let recording = false;
type Query = (...args: unknown[]) => unknown;
const query = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: unknown, ...args: unknown[]) {
  const result = query.apply(this, args);
  if (recording) {
    const first = args[0] as string | { text?: string };
    const entry = { text: String(typeof first === "string" ? first : first?.text).replace(/\s+/g, " ").trim().slice(0, 150), ms: NaN };
    seen.push(entry);
    const t0 = performance.now();
    if (result instanceof Promise) void result.then(() => (entry.ms = performance.now() - t0), () => (entry.ms = performance.now() - t0));
  }
  return result;
};

async function main(): Promise<void> {
  // Imported after the patch, so the app's pools use the counting client.
  const { createBenchDb } = await import("./db");
  const { startApiServer } = await import("../tests/helpers/server");
  const { setUpWorkOrders } = await import("./workorders");
  const { hotProduct } = await import("./stock");
  const { Client } = await import("../tests/helpers/client");
  const bench = await createBenchDb(SERVER, 10);
  const server = await startApiServer({ databaseUrl: bench.url });
  /** Sends one request, listing its statements unless it is the warm-up (`show` false). */
  async function count(label: string, send: () => Promise<{ status: number; text: string }>, ok: number, show: boolean) {
    await new Promise((r) => setTimeout(r, 300));
    seen.length = 0;
    recording = true;
    const res = await send();
    await new Promise((r) => setTimeout(r, 500));
    recording = false;
    if (res.status !== ok) throw new Error(`${label}: ${res.status} ${res.text}`);
    if (!show) return;
    const texts = seen.map((e) => e.text);
    const begin = texts.indexOf("BEGIN");
    const commit = texts.indexOf("COMMIT", begin);
    const total = seen.reduce((sum, e) => sum + (Number.isFinite(e.ms) ? e.ms : 0), 0);
    console.log(
      `\n${label}: ${seen.length} statements; ${commit - begin + 1} in its transaction (BEGIN … COMMIT), the rest before it or after it (relay, consumers); ${total.toFixed(1)} ms summed over their answers`,
    );
    for (const [n, e] of seen.entries()) console.log(`${String(n + 1).padStart(3)}. ${(Number.isFinite(e.ms) ? e.ms.toFixed(2) : "–").padStart(6)} ms  ${e.text}`); // –: sent with a callback (pg-pool's own query), not timed
  }
  try {
    const op = (await setUpWorkOrders(server.url, 1, 2)).operators[0]!;
    // The first WO warms every path up; the second one is counted.
    for (const [i, id] of op.workOrders.entries()) {
      for (const action of ["start", "complete"]) await count(action, () => op.client.post(`/api/workorders/${id}/${action}`), 200, i > 0);
    }
    // The stock benchmark's HTTP path: a ±1 manual adjustment of one product by the inventory user.
    const productId = await hotProduct("statements");
    const inventory = await new Client(server.url).signInOrThrow("inventory@demo.com", "Inventory@123");
    for (const i of [0, 1]) await count("manual posting", () => inventory.post("/api/stock/manual", { productId, change: i ? 1 : -1, note: "bench" }), 201, i > 0);
  } finally {
    await server.close();
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
