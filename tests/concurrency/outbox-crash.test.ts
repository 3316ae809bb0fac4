// The outbox across processes (docs/events.md), Postgres only: an app instance killed with SIGKILL
// after a change was committed and before it was delivered loses nothing — the next instance to run
// records it for webhooks once (the shared "webhooks" cursor moves in the recording transaction), and
// with two instances running, each emits to its own sockets only, so a client gets each event once.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Client as PgClient } from "pg";
import { seedDemo } from "@/lib/demo/seed";
import { Client } from "../helpers/client";
import { createTestDb, type TestDb } from "../helpers/db";
import { startInstance, type Instance } from "../helpers/instances";
import { connectSocket, settle, type TestSocket } from "../helpers/socket";

let t: TestDb;
const instances: Instance[] = [];
const sockets: TestSocket[] = [];
let receiver: Server;
let receiverUrl = "";
const got: { id: string; event: string; data: Record<string, unknown> }[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      got.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as (typeof got)[number]);
      res.end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  t = await createTestDb();
  await seedDemo();
}, 120_000);
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all(instances.map((i) => i.stop()));
  receiver.closeAllConnections();
  await new Promise<void>((r) => receiver.close(() => r()));
  await t.drop();
});

async function start(): Promise<Instance> {
  const i = await startInstance(t.url!);
  instances.push(i);
  return i;
}

/** Plain SQL on a connection of its own, as psql would send it. */
async function sql(text: string, params: unknown[] = []): Promise<void> {
  const c = new PgClient({ connectionString: t.url });
  await c.connect();
  try {
    await c.query(text, params);
  } finally {
    await c.end();
  }
}

async function waitUntil(what: string, fn: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function freshMo(name: string): Promise<string> {
  const p = t.handle.prisma;
  const creator = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
  const product = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
  return (await p.manufacturingOrder.create({ data: { name, productId: product.id, quantity: 1, createdById: creator.id, bomSnapshot: [] } })).id;
}

test("killed with SIGKILL between the commit and the delivery: after a restart the event is delivered once", async () => {
  const a = await start();
  const admin = await new Client(a.url).signInOrThrow("admin@demo.com", "Admin@123");
  expect((await admin.post("/api/webhooks", { url: receiverUrl, events: ["mo:updated"] })).status).toBe(201);
  const moId = await freshMo("Crash one");

  // Frozen: it cannot read the notification, record the delivery or emit.
  a.child.kill("SIGSTOP");
  await sql(`UPDATE "ManufacturingOrder" SET "priority" = 'URGENT' WHERE "id" = $1`, [moId]);
  const row = await t.handle.prisma.eventOutbox.findFirstOrThrow({ where: { topic: "mo:updated", entityId: moId } });
  await settle(500);
  const exited = new Promise((r) => a.child.once("exit", r));
  a.child.kill("SIGKILL");
  await exited;
  instances.splice(instances.indexOf(a), 1); // gone: nothing to stop
  expect(await t.handle.prisma.webhookDelivery.count({ where: { eventId: row.eventId } })).toBe(0);
  expect(got.filter((g) => g.id === row.eventId)).toEqual([]);

  // Restarted (and a second instance beside it): the event reaches the receiver, once.
  await Promise.all([start(), start()]);
  await waitUntil("the delivery", () => got.some((g) => g.id === row.eventId));
  await settle(1500);
  expect(got.filter((g) => g.id === row.eventId)).toHaveLength(1);
  expect(got.find((g) => g.id === row.eventId)).toMatchObject({ event: "mo:updated", data: { id: moId, priority: "URGENT" } });
  expect(await t.handle.prisma.webhookDelivery.count({ where: { eventId: row.eventId } })).toBe(1);
}, 120_000);

test("with two instances running, a socket gets each event once (each instance emits to its own sockets)", async () => {
  const [b, c] = instances.slice(-2);
  const viewerOnB = await connectSocket(b!.url, await new Client(b!.url).signInOrThrow("viewer@demo.com", "Viewer@123"));
  const viewerOnC = await connectSocket(c!.url, await new Client(c!.url).signInOrThrow("viewer@demo.com", "Viewer@123"));
  sockets.push(viewerOnB, viewerOnC);
  const moId = await freshMo("Twice seen?");
  await settle(300);
  const at = Date.now();
  await sql(`UPDATE "ManufacturingOrder" SET "priority" = 'HIGH' WHERE "id" = $1`, [moId]);
  await viewerOnB.waitFor("mo:updated", (p) => p.id === moId, 1000);
  await viewerOnC.waitFor("mo:updated", (p) => p.id === moId, 1000);
  expect(Date.now() - at).toBeLessThan(1000);
  await settle(500);
  expect(viewerOnB.received.filter((e) => e.name === "mo:updated" && e.payload.id === moId)).toHaveLength(1);
  expect(viewerOnC.received.filter((e) => e.name === "mo:updated" && e.payload.id === moId)).toHaveLength(1);
});
