// Ranked material availability (DOMAIN-2 §1, lib/manufacturing/availability.ts) over real HTTP: the
// exact numbers of the definition for three MOs on one scarce steel (priority, deadline, creation),
// re-prioritising moves allocatedAhead, the materialStatus filter of the list, allocated/available on
// stock levels, the creation preview ranked as if created now, and a live `mo:materialStatus` event
// only for the MOs whose status changed. Runs on PGlite and (TEST_DATABASE_URL) on Postgres; the
// 64-client run is tests/concurrency/availability.test.ts.
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";
import { connectSocket } from "../helpers/socket";

let app: TestApp;
let manager: Client;
let inventory: Client;
let n = 0;
const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;
const db = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  inventory = await app.as("INVENTORY");
});
afterAll(async () => {
  await app.close();
});

interface Component {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  required: number;
  onHand: number;
  allocatedAhead: number;
  available: number;
  shortBy: number;
}
interface Mo {
  id: string;
  name: string;
  state: string;
  materialStatus: "READY" | "PARTIAL" | "WAITING" | null;
  materials: Component[];
}

async function product(prefix: string): Promise<{ id: string; sku: string }> {
  const res = await manager.post<{ id: string; sku: string }>("/api/products", { sku: uniq(prefix), name: `Product ${prefix}`, isFinished: false, uom: "kg" });
  expect(res.status).toBe(201);
  return res.body;
}

async function bom(productId: string, components: [string, number][]): Promise<void> {
  const res = await manager.put(`/api/products/${productId}/bom`, {
    components: components.map(([materialId, qtyPerUnit]) => ({ materialId, qtyPerUnit })),
    operations: [{ title: "Make", workCenterId: null, minutesPerUnit: 1 }],
  });
  expect(res.status).toBe(200);
}

async function receive(productId: string, quantity: number): Promise<void> {
  expect((await inventory.post("/api/stock/receipts", { productId, quantity })).status).toBe(201);
}

async function createMo(body: Record<string, unknown>): Promise<Mo> {
  const res = await manager.post<Mo>("/api/mos", { name: uniq("Avail"), childOrders: "none", ...body });
  expect(res.status).toBe(201);
  return res.body;
}

async function detail(id: string): Promise<Mo> {
  const res = await manager.get<Mo>(`/api/mos/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

const pick = (c: Component) => ({ required: c.required, onHand: c.onHand, allocatedAhead: c.allocatedAhead, available: c.available, shortBy: c.shortBy });

describe("three MOs on one scarce steel", () => {
  let steel: { id: string; sku: string };
  let table: { id: string };
  let tag: string;
  let mo1: Mo, mo2: Mo, mo3: Mo;

  beforeAll(async () => {
    steel = await product("STEEL");
    table = await product("TABLE");
    await bom(table.id, [[steel.id, 2]]);
    await receive(steel.id, 10);
    tag = uniq("rank");
    // Rank: mo2 (HIGH) → mo3 (NORMAL, deadline) → mo1 (NORMAL, no deadline: last).
    mo1 = await createMo({ name: `${tag} one`, productId: table.id, quantity: 2, priority: "NORMAL" });
    mo2 = await createMo({ name: `${tag} two`, productId: table.id, quantity: 3, priority: "HIGH", deadline: "2027-01-10" });
    mo3 = await createMo({ name: `${tag} three`, productId: table.id, quantity: 3, priority: "NORMAL", deadline: "2027-01-05" });
  });

  test("each MO's numbers follow the definition: ranked by priority, then deadline (none last)", async () => {
    const [d1, d2, d3] = await Promise.all([detail(mo1.id), detail(mo2.id), detail(mo3.id)]);
    expect(d2.materials.map(pick)).toEqual([{ required: 6, onHand: 10, allocatedAhead: 0, available: 10, shortBy: 0 }]);
    expect(d3.materials.map(pick)).toEqual([{ required: 6, onHand: 10, allocatedAhead: 6, available: 4, shortBy: 2 }]);
    expect(d1.materials.map(pick)).toEqual([{ required: 4, onHand: 10, allocatedAhead: 12, available: 0, shortBy: 4 }]);
    expect([d1.materialStatus, d2.materialStatus, d3.materialStatus]).toEqual(["WAITING", "READY", "PARTIAL"]);
    expect(d1.materials[0]).toMatchObject({ productId: steel.id, sku: steel.sku, uom: "kg" });
  });

  test("the list carries materialStatus per row and filters on it", async () => {
    const all = await manager.get<{ items: Mo[]; total: number }>(`/api/mos?q=${encodeURIComponent(tag)}&pageSize=50`);
    expect(all.status).toBe(200);
    expect(Object.fromEntries(all.body.items.map((m) => [m.id, m.materialStatus]))).toEqual({ [mo1.id]: "WAITING", [mo2.id]: "READY", [mo3.id]: "PARTIAL" });
    const waiting = await manager.get<{ items: Mo[]; total: number }>(`/api/mos?q=${encodeURIComponent(tag)}&materialStatus=WAITING`);
    expect(waiting.body.items.map((m) => m.id)).toEqual([mo1.id]);
    const two = await manager.get<{ items: Mo[]; total: number }>(`/api/mos?q=${encodeURIComponent(tag)}&materialStatus=READY,PARTIAL`);
    expect(two.body.items.map((m) => m.id).sort()).toEqual([mo2.id, mo3.id].sort());
    expect(two.body.total).toBe(2);
    const bad = await manager.get(`/api/mos?materialStatus=SOON`);
    expect(bad.status).toBe(400);
  });

  test("stock levels show what the open MOs still require and what is left (negative when over-allocated)", async () => {
    const res = await manager.get<{ items: { productId: string; onHand: number; allocated: number; available: number }[] }>(`/api/stock?q=${encodeURIComponent(steel.sku)}`);
    expect(res.body.items.find((r) => r.productId === steel.id)).toMatchObject({ onHand: 10, allocated: 16, available: -6 });
  });

  test("the creation preview ranks the draft as if created now", async () => {
    const preview = async (qs: string) => {
      const res = await manager.get<{ materialStatus: string; components: Component[] }>(`/api/mos/availability?productId=${table.id}&quantity=1${qs}`);
      expect(res.status).toBe(200);
      return { status: res.body.materialStatus, steel: pick(res.body.components.find((c) => c.productId === steel.id)!) };
    };
    // NORMAL without deadline: after all three (16 ahead).
    expect(await preview("")).toEqual({ status: "WAITING", steel: { required: 2, onHand: 10, allocatedAhead: 16, available: 0, shortBy: 2 } });
    // HIGH with a deadline before mo2's: nothing is ahead of it.
    expect(await preview("&priority=HIGH&deadline=2027-01-01")).toEqual({ status: "READY", steel: { required: 2, onHand: 10, allocatedAhead: 0, available: 10, shortBy: 0 } });
    // NORMAL with mo3's deadline: mo2 and mo3 (same deadline, created earlier) are ahead.
    expect(await preview("&deadline=2027-01-05")).toEqual({ status: "WAITING", steel: { required: 2, onHand: 10, allocatedAhead: 12, available: 0, shortBy: 2 } });
    // Nothing written by a preview; bad input is a 400.
    expect(await db().manufacturingOrder.count({ where: { name: { startsWith: tag } } })).toBe(3);
    expect((await manager.get(`/api/mos/availability?productId=${table.id}&quantity=-1`)).status).toBe(400);
    expect((await manager.get(`/api/mos/availability?productId=${table.id}&quantity=1&priority=SOON`)).status).toBe(400);
  });

  test("re-prioritising moves allocatedAhead, and a receipt announces only the MOs whose status changed", async () => {
    const socket = await connectSocket(app.url, manager);
    try {
      expect((await manager.patch(`/api/mos/${mo1.id}`, { priority: "URGENT" })).status).toBe(200);
      const [d1, d2, d3] = await Promise.all([detail(mo1.id), detail(mo2.id), detail(mo3.id)]);
      expect(d1.materials.map(pick)).toEqual([{ required: 4, onHand: 10, allocatedAhead: 0, available: 10, shortBy: 0 }]);
      expect(d2.materials.map(pick)).toEqual([{ required: 6, onHand: 10, allocatedAhead: 4, available: 6, shortBy: 0 }]);
      expect(d3.materials.map(pick)).toEqual([{ required: 6, onHand: 10, allocatedAhead: 10, available: 0, shortBy: 6 }]);
      // The re-rank is announced: mo1 became READY, mo3 WAITING; mo2 stayed READY.
      await socket.waitFor("mo:materialStatus", (p) => p.id === mo1.id && p.materialStatus === "READY");
      await socket.waitFor("mo:materialStatus", (p) => p.id === mo3.id && p.materialStatus === "WAITING");

      const mark = socket.received.length;
      await receive(steel.id, 6);
      const e = await socket.waitFor("mo:materialStatus", (p) => p.id === mo3.id && p.materialStatus === "READY");
      expect(e.payload).toEqual({ id: mo3.id, materialStatus: "READY", eventId: expect.any(String) });
      // Another round trip through the same (serialized) refresh, then nothing about mo1 or mo2 arrived.
      await manager.get(`/api/mos?q=${encodeURIComponent(tag)}&materialStatus=READY`);
      const after = socket.received.slice(mark).filter((r) => r.name === "mo:materialStatus");
      expect(after.map((r) => r.payload.id)).toEqual([mo3.id]);
    } finally {
      socket.close();
    }
  });

  test("a closed MO allocates nothing and frees its steel for the ones behind it", async () => {
    expect((await manager.post(`/api/mos/${mo1.id}/cancel`, {})).status).toBe(200);
    const [d1, d3] = await Promise.all([detail(mo1.id), detail(mo3.id)]);
    expect(d1.materialStatus).toBeNull();
    expect(d1.materials.map((c) => [c.allocatedAhead, c.shortBy])).toEqual([[0, 0]]);
    expect(d3.materials.map(pick)).toEqual([{ required: 6, onHand: 16, allocatedAhead: 6, available: 10, shortBy: 0 }]);
    const res = await manager.get<{ items: { productId: string; allocated: number; available: number }[] }>(`/api/stock?q=${encodeURIComponent(steel.sku)}`);
    expect(res.body.items.find((r) => r.productId === steel.id)).toMatchObject({ allocated: 12, available: 4 });
  });
});

describe("a refresh recomputes only the MOs that share a product with the change", () => {
  const stored = async (id: string) => (await db().manufacturingOrder.findUniqueOrThrow({ where: { id }, select: { materialStatus: true } })).materialStatus;

  test("an unrelated receipt leaves other MOs' stored status alone; a related change or a cancel corrects it", async () => {
    const copper = await product("COPPER");
    const lamp = await product("LAMP");
    await bom(lamp.id, [[copper.id, 1]]);
    const glue = await product("GLUE");
    const box = await product("BOX");
    await bom(box.id, [[glue.id, 1]]);
    await receive(copper.id, 3);
    const first = await createMo({ productId: lamp.id, quantity: 2, priority: "HIGH" }); // 2 of 3: READY
    const second = await createMo({ productId: lamp.id, quantity: 2, priority: "NORMAL" }); // 1 left: PARTIAL
    const unrelated = await createMo({ productId: box.id, quantity: 1 }); // no glue: WAITING
    await manager.get(`/api/mos?q=${encodeURIComponent(first.name)}`); // the list waits for the scheduled refreshes
    expect([await stored(first.id), await stored(second.id), await stored(unrelated.id)]).toEqual(["READY", "PARTIAL", "WAITING"]);

    // Make the box order's stored status stale behind the app's back: a copper receipt must not look at it.
    await db().$executeRaw`UPDATE "ManufacturingOrder" SET "materialStatus" = 'READY' WHERE "id" = ${unrelated.id}`;
    await receive(copper.id, 1);
    await manager.get(`/api/mos?q=${encodeURIComponent(second.name)}`);
    expect(await stored(second.id)).toBe("READY");
    expect(await stored(unrelated.id)).toBe("READY"); // untouched: it needs no copper

    // A change naming its product (a glue receipt of 0 net is not possible; receive some) corrects it.
    await receive(glue.id, 1);
    await manager.get(`/api/mos?q=${encodeURIComponent(unrelated.name)}`);
    expect(await stored(unrelated.id)).toBe("READY");
    await db().$executeRaw`UPDATE "ManufacturingOrder" SET "materialStatus" = 'WAITING' WHERE "id" = ${unrelated.id}`;
    expect((await manager.patch(`/api/mos/${unrelated.id}`, { priority: "HIGH" })).status).toBe(200);
    await manager.get(`/api/mos?q=${encodeURIComponent(unrelated.name)}`);
    expect(await stored(unrelated.id)).toBe("READY");

    // Cancelling the first lamp order frees its copper: the one behind it is recomputed through the
    // cancelled order's own products, and the cancelled one loses its status.
    await db().$executeRaw`UPDATE "ManufacturingOrder" SET "materialStatus" = 'WAITING' WHERE "id" = ${second.id}`;
    expect((await manager.post(`/api/mos/${first.id}/cancel`, {})).status).toBe(200);
    await manager.get(`/api/mos?q=${encodeURIComponent(second.name)}`);
    expect([await stored(first.id), await stored(second.id)]).toEqual([null, "READY"]);
  });
});
