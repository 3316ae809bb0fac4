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
