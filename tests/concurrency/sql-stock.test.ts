// mes_post_stock under real concurrency (Postgres only: jest collects tests/concurrency when
// TEST_DATABASE_URL is set). Connections of their own calling the SQL function, the service layer
// (postStock, picking across locations) and the API, all on the same products at once: the function
// takes the locks in lib/stock/post.ts's order (the product's level, then the balance key), so nobody
// deadlocks, totals come out exact, every refusal is a shortage and no balance goes below zero.
import { randomUUID } from "node:crypto";
import { Client as PgClient } from "pg";
import { InsufficientStockError } from "@/lib/errors";
import { withStockTx } from "@/lib/inventory/tx";
import { ensureStockLevel } from "@/lib/stock/levels";
import { postStock } from "@/lib/stock/post";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse } from "../helpers/client";
import { assertLedgerInvariant, negativeBalances } from "../helpers/ledger";

jest.setTimeout(300_000);

let app: TestApp;
let clients: Awaited<ReturnType<TestApp["as"]>>[];
beforeAll(async () => {
  app = await startTestApp({ poolSize: 20 });
  await app.as("INVENTORY"); // signed in once; the clients below share the session
  clients = await Promise.all(Array.from({ length: 6 }, () => app.as("INVENTORY")));
});
afterAll(async () => {
  await app.close(); // asserts the ledger invariant over everything these tests wrote
});

const prisma = () => app.db.handle.prisma;

async function makeProduct(): Promise<{ id: string; sku: string }> {
  const p = await prisma().product.create({ data: { sku: `CS-${randomUUID().slice(0, 8)}`, name: "SQL concurrency part", uom: "pcs" }, select: { id: true, sku: true } });
  await prisma().$transaction((tx) => ensureStockLevel(tx, p.id));
  return p;
}

const onHand = async (productId: string) => (await prisma().stockLevel.findUniqueOrThrow({ where: { productId } })).onHand.toNumber();

test("8 SQL connections, 6 service-layer workers and 6 API clients on one product at two locations: exact totals, no deadlock, never negative", async () => {
  const { id, sku } = await makeProduct();
  const setup = new PgClient({ connectionString: app.db.url });
  await setup.connect();
  await setup.query(`SELECT mes_post_stock(product => $1, change => 60, reason => 'INITIAL', unit_cost => 2)`, [sku]);
  await setup.query(`SELECT mes_post_stock(product => $1, change => 40, reason => 'RECEIPT', location => 'WIP', unit_cost => 3)`, [sku]);
  await setup.end();

  let net = 100;
  const refusals: string[] = [];
  const unexpected: string[] = [];

  // SQL: each connection alternates STOCK and WIP, taking 2 and adding 1 (outbound outweighs inbound,
  // so the stock runs out and later withdrawals are refused).
  const sqlWorkers = Array.from({ length: 8 }, async (_, w) => {
    const c = new PgClient({ connectionString: app.db.url });
    await c.connect();
    try {
      for (let i = 0; i < 30; i++) {
        const change = i % 3 === 2 ? 1 : -2;
        const location = (w + i) % 2 ? "WIP" : "STOCK";
        try {
          await c.query(`SELECT mes_post_stock(product => $1, change => $2, reason => 'MANUAL', location => $3, note => $4, unit_cost => $5)`, [
            sku,
            change,
            location,
            `sql ${w}/${i}`,
            change > 0 ? 2.5 : null,
          ]);
          net += change;
        } catch (err) {
          const e = err as { code?: string; message?: string };
          (e.code === "23514" ? refusals : unexpected).push(`sql ${e.code} ${e.message}`);
        }
      }
    } finally {
      await c.end();
    }
  });
  // Service layer: lines without a location are picked (STOCK first, then WIP), so these lock both
  // balance keys in one posting while the SQL calls lock one each.
  const serviceWorkers = Array.from({ length: 6 }, async (_, w) => {
    for (let i = 0; i < 30; i++) {
      const change = i % 2 ? 1 : -3;
      try {
        await withStockTx((tx) => postStock(tx, { lines: [{ productId: id, change, unitCost: change > 0 ? 1.75 : null }], sourceType: "MANUAL", note: `service ${w}/${i}` }));
        net += change;
      } catch (err) {
        if (err instanceof InsufficientStockError) refusals.push(`service ${err.message}`);
        else unexpected.push(`service ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  });
  // API: manual adjustments at STOCK.
  const responses: ApiResponse[] = [];
  const apiWorkers = clients.map(async (c, w) => {
    for (let i = 0; i < 30; i++) {
      const change = i % 2 ? 1 : -2;
      const res = await c.post("/api/stock/manual", { productId: id, change, note: `api ${w}/${i}` });
      responses.push(res);
      if (res.status === 201) net += change;
      else if (res.status === 409 && res.text.includes("INSUFFICIENT_STOCK")) refusals.push(`api ${res.text.slice(0, 100)}`);
      else unexpected.push(`api ${res.status} ${res.text.slice(0, 200)}`);
    }
  });
  await Promise.all([...sqlWorkers, ...serviceWorkers, ...apiWorkers]);

  expect(unexpected).toEqual([]); // no deadlock (40P01), no serialization failure, no 5xx
  expect(refusals.length).toBeGreaterThan(0); // the stock did run out: the never-negative rule was exercised
  expect(await onHand(id)).toBe(net);
  const balances = await prisma().stockBalance.findMany({ where: { productId: id } });
  expect(balances.reduce((s, b) => s + b.onHand.toNumber(), 0)).toBe(net);
  expect(await negativeBalances(prisma())).toEqual([]);
  expect(await prisma().stockEntry.count({ where: { productId: id, balanceAfter: { lt: 0 } } })).toBe(0);
  await assertLedgerInvariant(prisma());
});

test("concurrent first receipts of one new lot code by SQL make one lot and add up", async () => {
  const p = await prisma().product.create({ data: { sku: `CL-${randomUUID().slice(0, 8)}`, name: "SQL lot part", uom: "kg", tracking: "LOT" }, select: { id: true, sku: true } });
  const calls = Array.from({ length: 12 }, async (_, i) => {
    const c = new PgClient({ connectionString: app.db.url });
    await c.connect();
    try {
      await c.query(`SELECT mes_post_stock(product => $1, change => 1.5, reason => 'RECEIPT', lot => 'L-1', unit_cost => $2)`, [p.sku, 1 + i]);
    } finally {
      await c.end();
    }
  });
  await Promise.all(calls);
  const lots = await prisma().lot.findMany({ where: { productId: p.id } });
  expect(lots.map((l) => l.code)).toEqual(["L-1"]);
  expect(await onHand(p.id)).toBe(18);
  await assertLedgerInvariant(prisma());
});
