// Two operators complete an MO's last two work orders at the same instant, 50 times over: each MO
// must end DONE with exactly one consumption set and one output entry — never none, never two.
// Runs on Postgres only (real parallel connections); app.close() checks the ledger invariant.
import { withTx } from "@/lib/db/tx";
import { postStock } from "@/lib/stock/post";
import { startTestApp, type TestApp } from "../helpers/app";
import { Client } from "../helpers/client";

const ROUNDS = 50;

let app: TestApp;
let manager: Client;
let ops: [{ id: string; client: Client }, { id: string; client: Client }];
let ids: { table: string; steel: string; screws: string };

const db = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp({ poolSize: 20 });
  manager = await app.as("MANAGER");
  const admin = await app.as("ADMIN");
  const bySku = Object.fromEntries((await db().product.findMany()).map((p) => [p.sku, p.id]));
  ids = { table: bySku["TABLE-100"]!, steel: bySku["STEEL-01"]!, screws: bySku["SCR-01"]! };
  const created = await admin.post<{ id: string }>("/api/users", { name: "Second Operator", email: "op2@example.com", role: "OPERATOR", password: "Operator-pass-2" });
  expect(created.status).toBe(201);
  const demo = await db().user.findUniqueOrThrow({ where: { email: "operator@demo.com" } });
  ops = [
    { id: demo.id, client: await app.as("OPERATOR") },
    { id: created.body.id, client: await new Client(app.url).signInOrThrow("op2@example.com", "Operator-pass-2") },
  ];
  // Plenty of stock, so a double consumption would show up as extra ledger rows rather than be
  // hidden behind an INSUFFICIENT_STOCK refusal.
  await withTx((tx) =>
    postStock(tx, {
      lines: [
        { productId: ids.steel, change: 100 * ROUNDS },
        { productId: ids.screws, change: 1000 * ROUNDS },
      ],
      sourceType: "RECEIPT",
      note: "concurrency test stock",
    }),
  );
}, 120_000);
afterAll(async () => {
  await app.close();
});

interface Mo {
  id: string;
  workOrders: { id: string }[];
}

test(`${ROUNDS} times, the last two WOs completed at once complete the MO exactly once`, async () => {
  const failures: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const mo = await manager.post<Mo>("/api/mos", { name: `Race ${round}`, productId: ids.table, quantity: 2 });
    expect(mo.status).toBe(201);
    const wos = mo.body.workOrders.map((w) => w.id);
    expect(wos).toHaveLength(2);
    for (const [i, wo] of wos.entries()) {
      expect((await manager.patch(`/api/workorders/${wo}`, { assignedToId: ops[i]!.id })).status).toBe(200);
    }
    const started = await Promise.all(wos.map((wo, i) => ops[i]!.client.post(`/api/workorders/${wo}/start`)));
    expect(started.map((r) => r.status)).toEqual([200, 200]);

    const done = await Promise.all(wos.map((wo, i) => ops[i]!.client.post(`/api/workorders/${wo}/complete`)));
    const statuses = done.map((r) => r.status);
    if (statuses.some((s) => s !== 200)) failures.push(`round ${round}: ${statuses.join(", ")} ${done.map((r) => r.text.slice(0, 120)).join(" | ")}`);

    const row = await db().manufacturingOrder.findUniqueOrThrow({ where: { id: mo.body.id } });
    const entries = await db().stockEntry.findMany({ where: { sourceId: mo.body.id } });
    const got = entries.map((e) => `${e.sourceType} ${e.productId === ids.steel ? "steel" : e.productId === ids.screws ? "screws" : "table"} ${e.change.toString()}`).sort();
    const want = ["MO_CONSUMPTION screws -40", "MO_CONSUMPTION steel -4", "MO_OUTPUT table 2"];
    if (row.state !== "DONE" || JSON.stringify(got) !== JSON.stringify(want)) failures.push(`round ${round}: MO ${row.state}, ledger ${JSON.stringify(got)}`);
    if ((await db().auditLog.count({ where: { entityId: mo.body.id, action: "mo.complete" } })) !== 1) failures.push(`round ${round}: mo.complete audited ≠ once`);
  }
  expect(failures).toEqual([]);
}, 600_000);

test("orders whose outputs feed each other, completed all at once, never deadlock (one lock order across consumption and output)", async () => {
  // X is made from Y and Y from X: a consumption that locked only its materials, then the output,
  // would take the two rows in opposite orders in the two kinds of order. Deadlocks are retried by
  // withTx (so no caller would see one): Postgres's own count of detected deadlocks must stay put.
  const planner = await db().user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
  const [x, y] = await Promise.all(["X", "Y"].map((k) => db().product.create({ data: { sku: `FEED-${k}`, name: `Feeds ${k}`, uom: "pcs" } })));
  await withTx((tx) => postStock(tx, { lines: [{ productId: x!.id, change: 10_000 }, { productId: y!.id, change: 10_000 }], sourceType: "RECEIPT", note: "feed test stock" }));
  const snapshotOf = (m: { id: string; sku: string; name: string }) => [{ materialId: m.id, sku: m.sku, name: m.name, uom: "pcs", qtyPerUnit: 1 }];
  const deadlocks = async () => {
    await new Promise((r) => setTimeout(r, 1500)); // backends report their statistics within a second
    const [row] = await db().$queryRaw<{ n: bigint }[]>`SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()`;
    return Number(row!.n);
  };
  const before = await deadlocks();
  for (let round = 0; round < 10; round++) {
    const mos = await db().manufacturingOrder.createManyAndReturn({
      data: Array.from({ length: 12 }, (_, i) => {
        const [made, from] = i % 2 ? [x!, y!] : [y!, x!];
        return { name: `Feed ${round}.${i}`, productId: made.id, quantity: 1, bomSnapshot: snapshotOf(from), createdById: planner.id };
      }),
      select: { id: true },
    });
    const answers = await Promise.all(mos.map((mo) => manager.post(`/api/mos/${mo.id}/complete`, {})));
    expect(answers.map((a) => a.status)).toEqual(mos.map(() => 200));
  }
  expect(await deadlocks()).toBe(before);
  const levels = await db().stockLevel.findMany({ where: { productId: { in: [x!.id, y!.id] } } });
  expect(levels.map((l) => l.onHand.toNumber())).toEqual([10_000, 10_000]);
}, 300_000);
