// Events from the database (docs/events.md, decision 0017): a change written by plain SQL, outside the
// app, reaches the open sockets allowed to see it; a relay that was stopped catches up, each event
// once; rows are pruned once read. On PGlite and on Postgres (TEST_DATABASE_URL), where the SQL is
// sent by a connection of its own, as psql would.
import { Client as PgClient } from "pg";
import { pruneOutbox, startRelay } from "@/lib/outbox/relay";
import { startTestApp, type TestApp } from "../helpers/app";
import { connectSocket, settle, type TestSocket } from "../helpers/socket";
import type { UserRole } from "@/lib/db/generated/enums";

let app: TestApp;
const sockets: TestSocket[] = [];
beforeAll(async () => {
  app = await startTestApp();
});
afterEach(() => {
  while (sockets.length) sockets.pop()!.close();
});
afterAll(async () => {
  await app.close();
});

async function socketAs(role: UserRole): Promise<TestSocket> {
  const s = await connectSocket(app.url, await app.as(role));
  sockets.push(s);
  return s;
}

/** Runs SQL the way another program would: its own connection on Postgres, the database itself on PGlite. */
async function sql(text: string, params: unknown[] = []): Promise<void> {
  if (app.db.url) {
    const c = new PgClient({ connectionString: app.db.url });
    await c.connect();
    try {
      await c.query(text, params);
    } finally {
      await c.end();
    }
  } else {
    await app.db.handle.pglite!.query(text, params);
  }
}

/** A fresh MO nobody works on: OPERATOR ("own" MOs only) may not see it. */
async function freshMo(name: string): Promise<string> {
  const p = app.db.handle.prisma;
  const creator = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
  const product = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
  const mo = await p.manufacturingOrder.create({ data: { name, productId: product.id, quantity: 1, createdById: creator.id, bomSnapshot: [] } });
  return mo.id;
}

test("a plain SQL UPDATE reaches a role allowed to see it within 1 s, and not OPERATOR", async () => {
  const moId = await freshMo("Outbox SQL");
  const manager = await socketAs("MANAGER");
  const sales = await socketAs("SALES");
  const operator = await socketAs("OPERATOR");
  await settle();
  const before = Date.now();
  await sql(`UPDATE "ManufacturingOrder" SET "priority" = 'URGENT' WHERE "id" = $1`, [moId]);
  const committed = Date.now();
  const got = await manager.waitFor("mo:updated", (p) => p.id === moId, 1000);
  const arrived = Date.now();
  expect(arrived - committed).toBeLessThan(1000);
  expect(got.payload).toMatchObject({ id: moId, state: "PLANNED", priority: "URGENT", eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  await sales.waitFor("mo:updated", (p) => p.id === moId, 1000);
  // The event id is the outbox row's: what a webhook receiver gets as `id` too.
  const row = await app.db.handle.prisma.eventOutbox.findFirstOrThrow({ where: { topic: "mo:updated", entityId: moId } });
  expect(row.eventId).toBe(got.payload.eventId);
  expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  await settle(300);
  expect(operator.received.filter((e) => e.payload.id === moId)).toEqual([]);
  expect(manager.received.filter((e) => e.payload.id === moId)).toHaveLength(1);
});

test("a stock movement posted with the SQL function (mes_post_stock, docs/sql.md) reaches a socket within 1 s", async () => {
  const inventory = await socketAs("INVENTORY");
  await settle();
  const steel = await app.db.handle.prisma.product.findUniqueOrThrow({ where: { sku: "STEEL-01" } });
  const reference = `ERP-${Date.now()}`;
  await sql(`SELECT mes_post_stock(product => 'STEEL-01', change => 3, reason => 'RECEIPT', reference => $1)`, [reference]);
  const committed = Date.now();
  const got = await inventory.waitFor("stock:changed", (p) => p.sourceId === reference, 1000);
  expect(Date.now() - committed).toBeLessThan(1000);
  expect(got.payload).toMatchObject({ productIds: [steel.id], sourceType: "RECEIPT", sourceId: reference, external: true, eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
});

test("a notification inserted by SQL reaches its owner only", async () => {
  const p = app.db.handle.prisma;
  const manager = await socketAs("MANAGER");
  const admin = await socketAs("ADMIN");
  const inventory = await socketAs("INVENTORY");
  await settle();
  const owner = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
  await sql(`INSERT INTO "Notification" ("id", "userId", "type", "title", "body") VALUES (gen_random_uuid()::text, $1, 'erp.note', 'From the ERP', 'Hello')`, [owner.id]);
  await manager.waitFor("notification:new", (x) => x.type === "erp.note", 1000);
  await settle(300);
  expect(admin.received.filter((e) => e.name === "notification:new")).toEqual([]);
  expect(inventory.received.filter((e) => e.name === "notification:new")).toEqual([]);
});

test("a relay stopped while changes are written catches up when started again, each event once", async () => {
  const moId = await freshMo("Outbox catch-up");
  const viewer = await socketAs("VIEWER");
  await settle();
  await app.server.realtime.relay.stop();
  for (const priority of ["LOW", "HIGH", "URGENT"]) await sql(`UPDATE "ManufacturingOrder" SET "priority" = $2::"Priority" WHERE "id" = $1`, [moId, priority]);
  await settle(400);
  expect(viewer.received.filter((e) => e.payload.id === moId)).toEqual([]);

  await app.server.realtime.relay.start();
  await app.server.realtime.relay.idle();
  const mine = () => viewer.received.filter((e) => e.name === "mo:updated" && e.payload.id === moId);
  for (let i = 0; i < 50 && mine().length < 3; i++) await settle(50);
  await settle(300);
  expect(mine().map((e) => e.payload.priority)).toEqual(["LOW", "HIGH", "URGENT"]);
  expect(new Set(mine().map((e) => e.payload.eventId)).size).toBe(3);
});

test("a change of only the computed material status is mo:materialStatus; a WO assignment names both operators", async () => {
  const p = app.db.handle.prisma;
  const moId = await freshMo("Outbox status");
  const manager = await socketAs("MANAGER");
  await settle();
  await sql(`UPDATE "ManufacturingOrder" SET "materialStatus" = 'WAITING' WHERE "id" = $1`, [moId]);
  const e = await manager.waitFor("mo:materialStatus", (x) => x.id === moId, 1000);
  expect(e.payload).toMatchObject({ id: moId, materialStatus: "WAITING" });
  // Touching only updatedAt writes nothing. (Counted from here: the order's mo:created may reach the socket,
  // which connected just after the order was written, or not.)
  const seen = manager.received.length;
  await sql(`UPDATE "ManufacturingOrder" SET "updatedAt" = now() WHERE "id" = $1`, [moId]);
  await settle(300);
  expect(manager.received.slice(seen).filter((x) => x.payload.id === moId)).toEqual([]);

  const operator = await socketAs("OPERATOR");
  const op = await p.user.findUniqueOrThrow({ where: { email: "operator@demo.com" } });
  const other = await p.user.findFirstOrThrow({ where: { role: "MANAGER" } });
  const wo = await p.workOrder.create({ data: { moId, sequence: 1, title: "Saw", assignedToId: op.id } });
  await operator.waitFor("wo:created", (x) => x.id === wo.id, 1000);
  await sql(`UPDATE "WorkOrder" SET "assignedToId" = $2 WHERE "id" = $1`, [wo.id, other.id]);
  const moved = await operator.waitFor("wo:updated", (x) => x.id === wo.id, 1000);
  expect(moved.payload).toMatchObject({ id: wo.id, moId, assignedToId: other.id, previousAssignedToId: op.id });
});

test("rows are pruned once old and read by every shared consumer, and not before", async () => {
  const p = app.db.handle.prisma;
  const moId = await freshMo("Outbox prune");
  const old = new Date(Date.now() - 60 * 60_000);
  await p.$executeRaw`UPDATE "EventOutbox" SET "createdAt" = ${old} WHERE "entityId" = ${moId}`;
  // Held back for a consumer that has not read it yet.
  const [row] = await p.$queryRaw<{ txid: bigint; id: bigint }[]>`SELECT "txid", "id" FROM "EventOutbox" WHERE "entityId" = ${moId}`;
  await p.$executeRaw`INSERT INTO "EventOutboxCursor" ("name", "txid", "id") VALUES ('test-slow', ${row!.txid}, ${row!.id - 1n})`;
  await pruneOutbox();
  expect(await p.eventOutbox.count({ where: { entityId: moId } })).toBe(1);
  await p.$executeRaw`DELETE FROM "EventOutboxCursor" WHERE "name" = 'test-slow'`;
  // Once the webhook recorder's cursor passed it (the notification may still be on its way), it goes.
  for (let i = 0; i < 100; i++) {
    const [c] = await p.$queryRaw<{ passed: boolean }[]>`SELECT ("txid", "id") >= (${row!.txid}, ${row!.id}) AS "passed" FROM "EventOutboxCursor" WHERE "name" = 'webhooks'`;
    if (c?.passed) break;
    await settle(50);
  }
  await pruneOutbox();
  expect(await p.eventOutbox.count({ where: { entityId: moId } })).toBe(0);
  // Recent rows stay.
  expect(await p.eventOutbox.count()).toBeGreaterThan(0);
});

if (process.env.TEST_DATABASE_URL) {
  test("Postgres: a transaction that commits late with a lower id is not skipped", async () => {
    const first = await freshMo("Outbox late");
    const second = await freshMo("Outbox early");
    const viewer = await socketAs("VIEWER");
    await settle();
    const late = new PgClient({ connectionString: app.db.url });
    await late.connect();
    try {
      await late.query("BEGIN");
      await late.query(`UPDATE "ManufacturingOrder" SET "priority" = 'HIGH' WHERE "id" = $1`, [first]);
      await sql(`UPDATE "ManufacturingOrder" SET "priority" = 'HIGH' WHERE "id" = $1`, [second]);
      await settle(300);
      const [a, b] = await Promise.all([first, second].map((id) => app.db.handle.prisma.eventOutbox.findFirst({ where: { entityId: id, topic: "mo:updated" } })));
      expect(a).toBeNull(); // not committed yet: invisible
      expect(b).not.toBeNull();
      await late.query("COMMIT");
    } finally {
      await late.end();
    }
    await viewer.waitFor("mo:updated", (x) => x.id === first, 2000);
    await viewer.waitFor("mo:updated", (x) => x.id === second, 2000);
    const ids = await app.db.handle.prisma.eventOutbox.findMany({ where: { entityId: { in: [first, second] }, topic: "mo:updated" }, orderBy: { id: "asc" } });
    expect(ids.map((r) => r.entityId)).toEqual([first, second]); // the late one has the lower id
  });
}

test("a commit that writes several outbox rows makes the relay read once, not once per notification", async () => {
  // Each row's trigger sends a notification; they arrive together and must start one round (rows, then the
  // shared consumers: six statements), not a second one that finds nothing.
  const ids = [await freshMo("Outbox burst A"), await freshMo("Outbox burst B"), await freshMo("Outbox burst C")];
  const seen = new Set<string>();
  const relay = await startRelay({
    deliver: async (events) => {
      for (const e of events) if (e.entityId && ids.includes(e.entityId) && e.name === "mo:updated") seen.add(e.entityId);
    },
    databaseUrl: app.db.url,
  });
  try {
    await relay.idle();
    const before = relay.rounds();
    await sql(`UPDATE "ManufacturingOrder" SET "priority" = 'URGENT' WHERE "id" IN ($1, $2, $3)`, ids);
    const deadline = Date.now() + 5000;
    while (seen.size < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await relay.idle();
    expect(seen.size).toBe(3);
    expect(relay.rounds() - before).toBe(1);
  } finally {
    await relay.stop();
  }
});
