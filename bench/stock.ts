// Stock postings per second on ONE hot product with N concurrent clients, three ways: the service
// layer (withStockTx + postStock), the HTTP API (POST /api/stock/manual), and the same SQL done by
// hand with `pg` (the floor: what the locking design costs without any framework).
import { Pool } from "pg";
import { Prisma } from "../lib/db/generated/client";
import { prisma } from "../lib/db/client";
import { ensureStockLevel } from "../lib/stock/levels";
import { postStock } from "../lib/stock/post";
import { withStockTx } from "../lib/inventory/tx";
import type { Client } from "../tests/helpers/client";
import { writePostingRaw } from "./ledger";
import { runFor, sampleError, type PhaseResult } from "./stats";

const OPENING = 1_000_000;

/** A fresh product with a large opening balance, so ±1 postings are never refused. */
export async function hotProduct(label: string): Promise<string> {
  const p = await prisma().product.create({ data: { sku: `BENCH-${label}-${Date.now().toString(36)}`, name: `Bench hot product (${label})`, uom: "pcs" } });
  await withStockTx(async (tx) => {
    await ensureStockLevel(tx, p.id);
    await postStock(tx, { lines: [{ productId: p.id, change: OPENING }], sourceType: "INITIAL", note: "bench opening balance" });
  });
  return p.id;
}

const sign = (i: number) => (i % 2 === 0 ? -1 : 1);

/** (1) The service layer: one withStockTx + postStock per posting. */
export async function serviceLayer(clients: number, seconds: number, actorId: string): Promise<PhaseResult> {
  const productId = await hotProduct("service");
  return runFor(clients, seconds, async (_, i) => {
    await withStockTx((tx) => postStock(tx, { lines: [{ productId, change: sign(i) }], sourceType: "MANUAL", note: "bench", actorId }));
    return true;
  });
}

/** (2) The HTTP API: a signed-in client per worker posting manual adjustments. */
export async function overHttp(clients: Client[], seconds: number): Promise<PhaseResult> {
  const productId = await hotProduct("http");
  const samples: string[] = [];
  const r = await runFor(clients.length, seconds, async (w, i) => {
    const res = await clients[w]!.post("/api/stock/manual", { productId, change: sign(i), note: "bench" });
    if (res.status !== 201) sampleError(samples, `${res.status} ${res.text}`);
    return res.status === 201;
  });
  return { ...r, errorSamples: [...r.errorSamples, ...samples].slice(0, 5) };
}

/** (3) Raw SQL: BEGIN; lock the level row FOR UPDATE; update it; insert the entry; COMMIT. */
export async function rawSql(url: string, clients: number, seconds: number, actorId: string): Promise<PhaseResult> {
  const productId = await hotProduct("raw");
  const pool = new Pool({ connectionString: url, max: clients });
  try {
    return await runFor(clients, seconds, async (_, i) => {
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        const { rows } = await c.query<{ onHand: string }>(`SELECT "onHand" FROM "StockLevel" WHERE "productId" = $1 FOR UPDATE`, [productId]);
        const change = sign(i);
        const after = new Prisma.Decimal(rows[0]!.onHand).plus(change);
        if (after.isNegative()) throw new Error("would go negative");
        await writePostingRaw(c, productId, change, after.toString(), actorId);
        await c.query("COMMIT");
        return true;
      } catch (err) {
        await c.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    });
  } finally {
    await pool.end();
  }
}
