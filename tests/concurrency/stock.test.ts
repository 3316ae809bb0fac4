// Stock under real concurrency (Postgres only: jest collects tests/concurrency when TEST_DATABASE_URL
// is set). Many signed-in clients hit the API at once; balances must come out exact, refusals must be
// exactly the excess, and no lock error (deadlock 40P01, serialization 40001) may reach a caller.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import { ensureStockLevel } from "@/lib/stock/levels";
import { postStock } from "@/lib/stock/post";
import { withStockTx } from "@/lib/inventory/tx";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client, ErrorBody } from "../helpers/client";

jest.setTimeout(300_000);

let app: TestApp;
let inventory: Client;

beforeAll(async () => {
  app = await startTestApp({ poolSize: 20 });
  inventory = await app.as("INVENTORY");
});
afterAll(async () => {
  await app.close(); // asserts the ledger invariant over everything these tests wrote
});

const prisma = () => app.db.handle.prisma;

async function makeProduct(reorderPoint?: number): Promise<{ id: string; sku: string }> {
  const p = await prisma().product.create({ data: { sku: `C-${randomUUID().slice(0, 8)}`, name: "Concurrency part", uom: "pcs", reorderPoint } });
  await prisma().$transaction((tx) => ensureStockLevel(tx, p.id));
  return p;
}

async function receive(productId: string, quantity: number): Promise<void> {
  const res = await inventory.post("/api/stock/receipts", { productId, quantity, reference: "concurrency setup" });
  expect(res.status).toBe(201);
}

async function onHand(productId: string): Promise<number> {
  return (await prisma().stockLevel.findUniqueOrThrow({ where: { productId } })).onHand.toNumber();
}

/** Each entry's balanceAfter is the previous one's plus its change, ordered by id, and the level agrees. */
async function expectChain(productId: string): Promise<number> {
  const rows = await prisma().stockEntry.findMany({ where: { productId }, orderBy: { id: "asc" }, select: { id: true, change: true, balanceAfter: true } });
  let balance = 0;
  const broken: string[] = [];
  for (const r of rows) {
    balance += r.change.toNumber();
    if (r.balanceAfter.toNumber() !== balance) broken.push(`entry ${r.id}: balanceAfter ${r.balanceAfter.toString()}, expected ${balance}`);
  }
  expect(broken).toEqual([]);
  expect(await onHand(productId)).toBe(balance);
  return rows.length;
}

/** Statuses that must never happen under load, with the bodies that explain them. */
function serverErrors(responses: ApiResponse[]): string[] {
  return responses.filter((r) => r.status >= 500 || /40P01|40001|deadlock/i.test(r.text)).map((r) => `${r.status} ${r.text.slice(0, 200)}`);
}

test("(a) 64 clients × 32 postings of ±1 on one product: exact balance, unbroken chain, no 5xx", async () => {
  const { id } = await makeProduct();
  await receive(id, 10_000);
  const clients = await Promise.all(Array.from({ length: 64 }, () => app.as("INVENTORY")));
  let expectedNet = 0;
  const responses: ApiResponse[] = [];
  await Promise.all(
    clients.map(async (c, ci) => {
      for (let i = 0; i < 32; i++) {
        const change = (ci + i) % 3 === 0 ? -1 : 1; // a mix of withdrawals and additions
        const res = await c.post("/api/stock/manual", { productId: id, change, note: `client ${ci} posting ${i}` });
        responses.push(res);
        if (res.status === 201) expectedNet += change;
      }
    }),
  );
  expect(serverErrors(responses)).toEqual([]);
  expect(responses.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.text.slice(0, 120)}`)).toEqual([]);
  expect(await onHand(id)).toBe(10_000 + expectedNet);
  expect(await expectChain(id)).toBe(1 + 64 * 32);
  // One audit row per posting, written in the same transactions.
  expect(await prisma().auditLog.count({ where: { action: "stock.manual", payload: { path: ["productId"], equals: id } } })).toBe(64 * 32);
});

test("(c) 150 clients each take 1 of 100 on hand: exactly 50 refused with INSUFFICIENT_STOCK, never negative", async () => {
  const { id, sku } = await makeProduct(10);
  await receive(id, 100);
  const inventoryUsers = await prisma().user.count({ where: { role: "INVENTORY", active: true } });
  const clients = await Promise.all(Array.from({ length: 150 }, () => app.as("INVENTORY")));
  const responses = await Promise.all(clients.map((c, i) => c.post<ErrorBody>("/api/stock/manual", { productId: id, change: -1, note: `withdrawal ${i}` })));

  expect(serverErrors(responses)).toEqual([]);
  const ok = responses.filter((r) => r.status === 201);
  const refused = responses.filter((r) => r.status === 409);
  expect(ok.length).toBe(100);
  expect(refused.length).toBe(50);
  for (const r of refused) {
    expect(r.body.error.code).toBe("INSUFFICIENT_STOCK");
    expect(r.body.error.details).toEqual({ shortages: [expect.objectContaining({ productId: id, sku, onHand: 0, required: 1, shortBy: 1 })] });
  }
  expect(await onHand(id)).toBe(0);
  expect(await expectChain(id)).toBe(101);
  const negative = await prisma().stockEntry.count({ where: { productId: id, balanceAfter: { lt: 0 } } });
  expect(negative).toBe(0);
  // Each refusal told inventory; the reorder point (10) was crossed exactly once.
  expect(await prisma().notification.count({ where: { type: "stock.shortage", body: { contains: sku } } })).toBe(50 * inventoryUsers);
  expect(await prisma().notification.count({ where: { type: "stock.reorder", link: { contains: id } } })).toBe(inventoryUsers);
});

test("(d) service layer: postings over overlapping products in opposite orders never deadlock into a caller", async () => {
  const products = await Promise.all([makeProduct(), makeProduct(), makeProduct()]);
  const [a, b, c] = products.map((p) => p.id) as [string, string, string];
  await withStockTx((tx) => postStock(tx, { lines: [a, b, c].map((productId) => ({ productId, change: 100_000 })), sourceType: "INITIAL", note: "concurrency setup" }));

  // Line orders [A,B] / [B,A] / [C,A,B] / [B,C] with mixed signs, 240 at once through the pool of 20.
  const shapes: [string, number][][] = [
    [[a, -2], [b, 1]],
    [[b, -1], [a, 3]],
    [[c, 1], [a, -1], [b, -1]],
    [[b, 2], [c, -3]],
  ];
  const results = await Promise.allSettled(
    Array.from({ length: 240 }, (_, i) => {
      const lines = shapes[i % shapes.length]!.map(([productId, change]) => ({ productId, change }));
      return withStockTx((tx) => postStock(tx, { lines, sourceType: "MANUAL", note: `overlap ${i}` }));
    }),
  );
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => String((r.reason as Error)?.message ?? r.reason).slice(0, 200));
  expect(failures).toEqual([]);

  const rounds = 240 / shapes.length;
  const net = (id: string) => shapes.flat().filter(([p]) => p === id).reduce((s, [, ch]) => s + ch, 0) * rounds;
  expect(await onHand(a)).toBe(100_000 + net(a));
  expect(await onHand(b)).toBe(100_000 + net(b));
  expect(await onHand(c)).toBe(100_000 + net(c));
  for (const id of [a, b, c]) await expectChain(id);
});

test("(d) over HTTP: MO completions whose BOMs share materials in different orders, and whose outputs feed each other, all succeed", async () => {
  const p = prisma();
  const manager = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
  const [m1, m2, m3, x, y] = await Promise.all([makeProduct(), makeProduct(), makeProduct(), makeProduct(), makeProduct()]);
  await withStockTx((tx) =>
    postStock(tx, { lines: [m1, m2, m3, x, y].map((m) => ({ productId: m.id, change: 10_000 })), sourceType: "INITIAL", note: "concurrency setup" }),
  );
  const line = (m: { id: string; sku: string }, qtyPerUnit: number) => ({ materialId: m.id, sku: m.sku, name: "Concurrency part", uom: "pcs", qtyPerUnit });
  // Snapshots list shared materials in opposite orders; X's MOs consume Y and the Y MOs consume X, so
  // consumption locks and output locks cross between two kinds of order.
  const kinds: { productId: string; snapshot: ReturnType<typeof line>[] }[] = [
    { productId: x.id, snapshot: [line(m1, 1), line(m2, 2), line(y, 1)] },
    { productId: y.id, snapshot: [line(m2, 1), line(m1, 1), line(x, 1)] },
    { productId: x.id, snapshot: [line(m3, 0.5), line(m1, 1)] },
    { productId: y.id, snapshot: [line(m1, 3), line(m3, 1.25)] },
  ];
  const count = 120;
  const data: Prisma.ManufacturingOrderCreateManyInput[] = Array.from({ length: count }, (_, i) => ({
    name: `Concurrent MO ${i}`,
    productId: kinds[i % kinds.length]!.productId,
    quantity: 2,
    bomSnapshot: kinds[i % kinds.length]!.snapshot,
    createdById: manager.id,
  }));
  const mos = await p.manufacturingOrder.createManyAndReturn({ data, select: { id: true } });

  // One sign-in, 40 copies of its cookie: 40 parallel sign-ins of one person would (rightly) trip the
  // sign-in throttle, which counts attempts before it checks them.
  await app.as("MANAGER");
  const managers = await Promise.all(Array.from({ length: 40 }, () => app.as("MANAGER")));
  const queue = mos.map((m) => m.id);
  const responses: ApiResponse[] = [];
  await Promise.all(
    managers.map(async (client) => {
      for (let moId = queue.shift(); moId; moId = queue.shift()) responses.push(await client.post(`/api/mos/${moId}/complete`, {}));
    }),
  );
  expect(serverErrors(responses)).toEqual([]);
  expect(responses.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.text.slice(0, 160)}`)).toEqual([]);
  expect(await p.manufacturingOrder.count({ where: { id: { in: mos.map((m) => m.id) }, state: "DONE" } })).toBe(count);

  // Expected balances: 10 000 each, minus 2 × qtyPerUnit per MO of each kind, plus 2 per MO produced.
  const expected = new Map([m1, m2, m3, x, y].map((m) => [m.id, 10_000]));
  mos.forEach((_, i) => {
    const kind = kinds[i % kinds.length]!;
    for (const l of kind.snapshot) expected.set(l.materialId, expected.get(l.materialId)! - 2 * l.qtyPerUnit);
    expected.set(kind.productId, expected.get(kind.productId)! + 2);
  });
  for (const [id, qty] of expected) {
    expect(await onHand(id)).toBe(qty);
    await expectChain(id);
  }
  // Completed exactly once each: one consumption set and one output per MO.
  expect(await p.stockEntry.count({ where: { sourceType: "MO_OUTPUT", sourceId: { in: mos.map((m) => m.id) } } })).toBe(count);
});
