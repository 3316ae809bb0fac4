// Seed 000's demo checklist (section 10, without exports and realtime, which have suites of their
// own), end to end through the API as each role would do it.
import { DEMO_MO_NAME, seedDemo } from "@/lib/demo/seed";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ErrorBody } from "../helpers/client";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close(); // also proves the ledger invariant after the whole flow
});

interface Ledger {
  items: { productId: string; change: number; balanceAfter: number; sourceType: string; sourceId: string | null }[];
  total: number;
}

test("the demo checklist, in order", async () => {
  const p = app.db.handle.prisma;

  // Migrations applied and seed run.
  expect(await p.user.count()).toBe(6);
  // The demo order is numbered by the same sequence as every new order (the first on a fresh database).
  expect(await p.manufacturingOrder.findMany({ where: { name: DEMO_MO_NAME }, select: { orderNo: true } })).toEqual([{ orderNo: "MO-000001" }]);
  // Seeding again finds everything by its natural key (the order by its name) and creates nothing.
  expect((await seedDemo()).created).toEqual([]);
  expect(await p.manufacturingOrder.count({ where: { name: DEMO_MO_NAME } })).toBe(1);

  // Login works; the session carries the role.
  const admin = await app.as("ADMIN");
  expect((await admin.get<{ user: { role: string } }>("/api/me")).body.user.role).toBe("ADMIN");

  // ADMIN creates users and changes roles.
  const op2 = await admin.post<{ id: string }>("/api/users", { name: "Olga Operator", email: "olga@example.com", role: "VIEWER", password: "Olga-pass-1" });
  expect(op2.status).toBe(201);
  expect((await admin.patch<{ role: string }>(`/api/users/${op2.body.id}`, { role: "OPERATOR" })).body.role).toBe("OPERATOR");

  // MANAGER creates a product with a two-level BOM, and an MO.
  const manager = await app.as("MANAGER");
  const wc = (await manager.post<{ id: string }>("/api/workcenters", { name: "Bench", costPerHour: 30, capacity: 1 })).body.id;
  // Wood and glue are measured (m, l): a fraction per unit; legs and stools are counted (pcs).
  const mk = async (sku: string, isFinished: boolean, uom = "pcs") => (await manager.post<{ id: string }>("/api/products", { sku, name: sku, isFinished, uom, unitCost: 1 })).body.id;
  const [wood, glue, leg, stool] = [await mk("WOOD-1", false, "m"), await mk("GLUE-1", false, "l"), await mk("LEG-1", false), await mk("STOOL-1", true)];
  expect((await manager.put(`/api/products/${leg}/bom`, { components: [{ materialId: wood, qtyPerUnit: 0.5 }], operations: [] })).status).toBe(200);
  const bom = await manager.put(`/api/products/${stool}/bom`, {
    components: [{ materialId: leg, qtyPerUnit: 4 }, { materialId: glue, qtyPerUnit: 0.1 }],
    operations: [{ title: "Assemble", workCenterId: wc, minutesPerUnit: 10 }, { title: "Inspect", minutesPerUnit: 2 }],
  });
  expect(bom.status).toBe(200);
  const explode = await manager.get<{ materials: { sku: string; quantity: number }[] }>(`/api/products/${stool}/bom/explode?quantity=3`);
  expect(explode.status).toBe(200);
  expect(Object.fromEntries(explode.body.materials.map((m) => [m.sku, m.quantity]))).toEqual({ "WOOD-1": 6, "GLUE-1": 0.3 });

  const mo = await manager.post<{ id: string; orderNo: string; state: string; workOrders: { id: string; title: string }[] }>("/api/mos", { name: "Three stools", productId: stool, quantity: 3, childOrders: "none" });
  // The original checklist plans the legs by hand: no sub-assembly order for LEG-1 (it has its own
  // BOM, so the default "shortage" would plan one, and the parent would wait for it to start).
  expect(mo.status).toBe(201);
  expect(mo.body.orderNo).toMatch(/^MO-\d{6}$/);
  expect(mo.body.workOrders.map((w) => w.title)).toEqual(["Assemble", "Inspect"]);
  const detail = await manager.get<{ materials: { sku: string; required: number; onHand: number; short: boolean }[]; shortages: number }>(`/api/mos/${mo.body.id}`);
  expect(detail.body.shortages).toBe(2); // nothing of LEG-1 or GLUE-1 on hand yet
  expect(detail.body.materials.map((m) => [m.sku, m.required, m.short]).sort()).toEqual([["GLUE-1", 0.3, true], ["LEG-1", 12, true]]);

  // MANAGER creates WOs and assigns them to OPERATOR(s).
  const operatorId = (await p.user.findUniqueOrThrow({ where: { email: "operator@demo.com" } })).id;
  const [assemble, inspect] = mo.body.workOrders;
  expect((await manager.patch(`/api/workorders/${assemble!.id}`, { assignedToId: operatorId })).status).toBe(200);
  expect((await manager.patch(`/api/workorders/${inspect!.id}`, { assignedToId: op2.body.id })).status).toBe(200);
  const extra = await manager.post<{ id: string }>(`/api/mos/${mo.body.id}/workorders`, { title: "Pack", assignedToId: operatorId });
  expect(extra.status).toBe(201);

  // OPERATOR can start/pause/complete only the WOs assigned to them.
  const operator = await app.as("OPERATOR");
  const olga = await app.anon().signInOrThrow("olga@example.com", "Olga-pass-1");
  expect((await operator.post(`/api/workorders/${inspect!.id}/start`)).status).toBe(404);
  const mine = await operator.get<{ items: { id: string }[] }>("/api/workorders?mine=1");
  expect(mine.body.items.map((w) => w.id)).toEqual(expect.arrayContaining([assemble!.id, extra.body.id]));
  expect(mine.body.items.map((w) => w.id)).not.toContain(inspect!.id);
  expect((await operator.post<{ status: string }>(`/api/workorders/${assemble!.id}/start`)).body.status).toBe("STARTED");
  expect((await p.manufacturingOrder.findUniqueOrThrow({ where: { id: mo.body.id } })).state).toBe("IN_PROGRESS");
  expect((await operator.post<{ status: string }>(`/api/workorders/${assemble!.id}/pause`)).body.status).toBe("PAUSED");
  expect((await operator.post<{ status: string }>(`/api/workorders/${assemble!.id}/complete`)).body.status).toBe("COMPLETED");
  expect((await operator.post(`/api/workorders/${extra.body.id}/start`)).status).toBe(200);
  expect((await operator.post(`/api/workorders/${extra.body.id}/complete`)).status).toBe(200);
  expect((await olga.post(`/api/workorders/${inspect!.id}/start`)).status).toBe(200);

  // The last WO cannot complete while materials are short: 409 listing both, nothing changes.
  const short = await olga.post<ErrorBody>(`/api/workorders/${inspect!.id}/complete`);
  expect(short.status).toBe(409);
  expect(short.body.error.code).toBe("INSUFFICIENT_STOCK");
  expect((short.body.error.details as { shortages: { sku: string }[] }).shortages.map((s) => s.sku).sort()).toEqual(["GLUE-1", "LEG-1"]);
  expect((await p.workOrder.findUniqueOrThrow({ where: { id: inspect!.id } })).status).toBe("STARTED");
  expect(await p.stockEntry.count({ where: { sourceId: mo.body.id } })).toBe(0);

  // INVENTORY receives and adjusts stock and reads the ledger.
  const inventory = await app.as("INVENTORY");
  expect((await inventory.post("/api/stock/receipts", { productId: leg, quantity: 20, reference: "PO-1" })).status).toBe(201);
  expect((await inventory.post("/api/stock/receipts", { productId: glue, quantity: 1 })).status).toBe(201);
  expect((await inventory.post("/api/stock/manual", { productId: leg, change: -2, note: "two legs damaged" })).status).toBe(201);

  // On final WO completion the MO is DONE, consumption and output posted exactly once.
  expect((await olga.post<{ status: string }>(`/api/workorders/${inspect!.id}/complete`)).body.status).toBe("COMPLETED");
  expect((await olga.post<{ status: string }>(`/api/workorders/${inspect!.id}/complete`)).status).toBe(200); // a retry changes nothing
  const done = await p.manufacturingOrder.findUniqueOrThrow({ where: { id: mo.body.id } });
  expect(done.state).toBe("DONE");
  expect(Number(done.producedQty)).toBe(3);
  const ledger = await inventory.get<Ledger>(`/api/stock/ledger?sourceId=${mo.body.id}`);
  const moves = Object.fromEntries(ledger.body.items.map((e) => [`${e.sourceType}:${e.productId}`, e.change]));
  expect(moves).toEqual({ [`MO_CONSUMPTION:${leg}`]: -12, [`MO_CONSUMPTION:${glue}`]: -0.3, [`MO_OUTPUT:${stool}`]: 3 });
  const levels = Object.fromEntries((await p.stockLevel.findMany({ where: { productId: { in: [leg, glue, stool] } } })).map((l) => [l.productId, Number(l.onHand)]));
  expect(levels).toEqual({ [leg]: 6, [glue]: 0.7, [stool]: 3 });
  const all = await inventory.get<Ledger>(`/api/stock/ledger?productId=${leg}`);
  expect(all.body.items.map((e) => e.sourceType)).toEqual(["MO_CONSUMPTION", "MANUAL", "RECEIPT"]);

  // Roles are refused what the permission table (docs/domain.md) refuses them.
  expect((await manager.post("/api/stock/manual", { productId: leg, change: 1, note: "x" })).status).toBe(403);
  expect((await inventory.post("/api/mos", { name: "x", productId: stool, quantity: 1 })).status).toBe(403);
  expect((await operator.get("/api/stock")).status).toBe(403);
});
