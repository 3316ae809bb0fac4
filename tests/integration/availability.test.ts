// Ranked material availability (DOMAIN-2 §1, lib/manufacturing/availability.ts) over real HTTP: the
// exact numbers of the definition for three MOs on one scarce steel (priority, deadline, creation),
// re-prioritising moves allocatedAhead, the materialStatus filter of the list, allocated/available on
// stock levels, the creation preview ranked as if created now, a live `mo:materialStatus` event only
// for the MOs whose status changed, and 64 parallel clients creating and re-prioritising while
// receipts and manual postings run, checked against a from-scratch recomputation in plain TypeScript.
// Runs on PGlite and (TEST_DATABASE_URL) on Postgres.
import { Prisma } from "@/lib/db/generated/client";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";
import { assertLedgerInvariant } from "../helpers/ledger";
import { connectSocket } from "../helpers/socket";

let app: TestApp;
let manager: Client;
let inventory: Client;
let n = 0;
const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;
const db = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp({ poolSize: process.env.TEST_DATABASE_URL ? 20 : undefined });
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
      expect(e.payload).toEqual({ id: mo3.id, materialStatus: "READY" });
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

// ---- The reference: DOMAIN-2 §1 recomputed from scratch in plain TypeScript. ----
const RANK = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 } as const;
type Ref = Map<string, Map<string, { allocatedAhead: Prisma.Decimal; shortBy: Prisma.Decimal }>>;

async function reference(productIds: string[]): Promise<{ numbers: Ref; status: Map<string, string> }> {
  const mos = await db().manufacturingOrder.findMany({ where: { state: { in: ["PLANNED", "IN_PROGRESS"] } }, select: { id: true, quantity: true, priority: true, deadline: true, createdAt: true, bomSnapshot: true } });
  const levels = await db().stockLevel.findMany({ select: { productId: true, onHand: true } });
  const onHand = new Map(levels.map((l) => [l.productId, l.onHand]));
  const cmp = (a: (typeof mos)[number], b: (typeof mos)[number]) =>
    RANK[a.priority] - RANK[b.priority] ||
    (a.deadline ? (b.deadline ? a.deadline.getTime() - b.deadline.getTime() : -1) : b.deadline ? 1 : 0) ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const ranked = [...mos].sort(cmp);
  const used = new Map<string, Prisma.Decimal>();
  const numbers: Ref = new Map();
  const status = new Map<string, string>();
  const zero = new Prisma.Decimal(0);
  for (const mo of ranked) {
    const lines = mo.bomSnapshot as { materialId: string; qtyPerUnit: number | string }[];
    const per = new Map<string, { allocatedAhead: Prisma.Decimal; shortBy: Prisma.Decimal }>();
    const req = new Map<string, Prisma.Decimal>();
    for (const l of lines) req.set(l.materialId, (req.get(l.materialId) ?? zero).plus(new Prisma.Decimal(l.qtyPerUnit.toString()).times(mo.quantity)));
    let short = false;
    let waiting = false;
    for (const [pid, required] of req) {
      const ahead = used.get(pid) ?? zero;
      const available = Prisma.Decimal.max(0, (onHand.get(pid) ?? zero).minus(ahead));
      const shortBy = Prisma.Decimal.max(0, required.minus(available));
      if (shortBy.gt(0)) {
        short = true;
        if (available.isZero()) waiting = true;
      }
      per.set(pid, { allocatedAhead: ahead, shortBy });
      used.set(pid, ahead.plus(required));
    }
    if (lines.some((l) => productIds.includes(l.materialId))) {
      numbers.set(mo.id, per);
      status.set(mo.id, waiting ? "WAITING" : short ? "PARTIAL" : "READY");
    }
  }
  return { numbers, status };
}

// 64 clients on Postgres; PGlite runs one statement at a time, so a quarter of them keeps the run short.
const CLIENTS = process.env.TEST_DATABASE_URL ? 64 : 16;

test("64 parallel clients creating and re-prioritising on scarce materials while stock moves: every MO equals a recomputation", async () => {
  const a = await product("SCARCE-A");
  const b = await product("SCARCE-B");
  const p1 = await product("PAIR");
  const p2 = await product("SOLO");
  await bom(p1.id, [[a.id, 1.5], [b.id, 1]]);
  await bom(p2.id, [[a.id, 2]]);
  await receive(a.id, 40);
  await receive(b.id, 20);
  const tag = uniq("storm");
  const priorities = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
  const deadlines = [null, "2027-02-01", "2027-02-03", "2027-03-01"];
  const statuses: number[] = [];
  const clients = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => app.as(i % 8 === 7 ? "INVENTORY" : "MANAGER")));
  await Promise.all(
    clients.map(async (c, i) => {
      if (i % 8 === 7) {
        for (let k = 0; k < 3; k++) {
          statuses.push((await c.post("/api/stock/receipts", { productId: k % 2 ? a.id : b.id, quantity: 1 + ((i + k) % 4) })).status);
          statuses.push((await c.post("/api/stock/manual", { productId: k % 2 ? b.id : a.id, change: k === 1 ? -1 : 2, note: "count" })).status);
        }
        return;
      }
      const mine: string[] = [];
      for (let k = 0; k < 2; k++) {
        const res = await c.post<{ id: string }>("/api/mos", {
          name: `${tag} ${i}-${k}`,
          productId: (i + k) % 3 ? p1.id : p2.id,
          quantity: 1 + ((i * 7 + k) % 5),
          priority: priorities[(i + k) % 4],
          deadline: deadlines[(i * 3 + k) % 4],
          childOrders: "none",
        });
        statuses.push(res.status);
        if (res.status === 201) mine.push(res.body.id);
      }
      const target = mine[i % mine.length];
      if (target) {
        statuses.push((await c.patch(`/api/mos/${target}`, { priority: priorities[(i + 1) % 4], deadline: deadlines[i % 4] })).status);
      }
    }),
  );
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  expect(statuses.filter((s) => s !== 200 && s !== 201 && s !== 409)).toEqual([]);

  const ref = await reference([a.id, b.id]);
  const ours = await db().manufacturingOrder.findMany({ where: { name: { startsWith: tag } }, select: { id: true } });
  expect(ours.length).toBe((CLIENTS - CLIENTS / 8) * 2);
  const got = await Promise.all(ours.map((m) => detail(m.id)));
  const mismatches: string[] = [];
  for (const mo of got) {
    const want = ref.numbers.get(mo.id)!;
    for (const c of mo.materials) {
      const w = want.get(c.productId)!;
      if (new Prisma.Decimal(c.allocatedAhead).minus(w.allocatedAhead).abs().gt(1e-6) || new Prisma.Decimal(c.shortBy).minus(w.shortBy).abs().gt(1e-6)) {
        mismatches.push(`${mo.id} ${c.sku}: got ${c.allocatedAhead}/${c.shortBy}, want ${w.allocatedAhead.toString()}/${w.shortBy.toString()}`);
      }
    }
    if (mo.materialStatus !== ref.status.get(mo.id)) mismatches.push(`${mo.id}: status ${mo.materialStatus}, want ${ref.status.get(mo.id)}`);
  }
  expect(mismatches).toEqual([]);
  // The stored status (what the list and board filter on) agrees with the recomputation too.
  const listed = await manager.get<{ items: Mo[]; total: number }>(`/api/mos?q=${encodeURIComponent(tag)}&pageSize=100`);
  expect(listed.status).toBe(200);
  for (const m of listed.body.items) expect([m.id, m.materialStatus]).toEqual([m.id, ref.status.get(m.id)]);
  await assertLedgerInvariant(db());
}, 180_000);
