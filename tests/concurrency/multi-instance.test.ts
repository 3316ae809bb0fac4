// Two app processes on one Postgres database: events caused through instance A reach clients
// connected to instance B (Socket.IO's Postgres adapter, LISTEN/NOTIFY), routed by permission,
// and admin changes made on A move or drop sockets held by B. Postgres only.
import { seedDemo } from "@/lib/demo/seed";
import { Client } from "../helpers/client";
import { createTestDb, type TestDb } from "../helpers/db";
import { startInstance, type Instance } from "../helpers/instances";
import { connectSocket, settle, type TestSocket } from "../helpers/socket";

let t: TestDb;
let a: Instance;
let b: Instance;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo();
  [a, b] = await Promise.all([startInstance(t.url!), startInstance(t.url!)]);
}, 120_000);
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all([a?.stop(), b?.stop()]);
  await t.drop();
});

async function socketOn(instance: Instance, email: string, password: string): Promise<TestSocket> {
  const s = await connectSocket(instance.url, await new Client(instance.url).signInOrThrow(email, password));
  sockets.push(s);
  return s;
}

test("a stock receipt made through A reaches stock readers on B and not SALES on B", async () => {
  const inventoryA = await new Client(a.url).signInOrThrow("inventory@demo.com", "Inventory@123");
  const viewerOnB = await socketOn(b, "viewer@demo.com", "Viewer@123");
  const salesOnB = await socketOn(b, "sales@demo.com", "Sales@123");
  const viewerOnA = await socketOn(a, "viewer@demo.com", "Viewer@123");
  const steel = await t.handle.prisma.product.findUniqueOrThrow({ where: { sku: "STEEL-01" } });

  const res = await inventoryA.post("/api/stock/receipts", { productId: steel.id, quantity: 5, reference: "PO-MULTI" });
  expect(res.status).toBe(201);
  // The receipt's event, not an older one: the seed's INITIAL rows are still being relayed when the
  // instances have just started (the relay catches up on what it has not delivered, as it must).
  const onB = await viewerOnB.waitFor("stock:changed", (p) => Array.isArray(p.productIds) && p.productIds.includes(steel.id) && p.sourceType !== "INITIAL");
  expect(onB.payload.sourceType).toBe("RECEIPT");
  await viewerOnA.waitFor("stock:changed");
  await settle();
  expect(salesOnB.received.filter((e) => e.name === "stock:changed")).toEqual([]);
});

test("admin changes made on A move and drop the user's sockets on B", async () => {
  const adminA = await new Client(a.url).signInOrThrow("admin@demo.com", "Admin@123");
  const inventoryA = await new Client(a.url).signInOrThrow("inventory@demo.com", "Inventory@123");
  const salesOnB = await socketOn(b, "sales@demo.com", "Sales@123");
  const p = t.handle.prisma;
  const sales = await p.user.findUniqueOrThrow({ where: { email: "sales@demo.com" } });
  const steel = await p.product.findUniqueOrThrow({ where: { sku: "STEEL-01" } });

  expect((await adminA.patch(`/api/users/${sales.id}`, { role: "INVENTORY" })).status).toBe(200);
  await settle(300);
  expect((await inventoryA.post("/api/stock/receipts", { productId: steel.id, quantity: 1 })).status).toBe(201);
  await salesOnB.waitFor("stock:changed");

  const dropped = new Promise<string>((resolve) => salesOnB.socket.once("disconnect", resolve));
  expect((await adminA.patch(`/api/users/${sales.id}`, { active: false })).status).toBe(200);
  expect(await dropped).toBe("io server disconnect");
});
