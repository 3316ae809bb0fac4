// Ranked material availability under real concurrency (Postgres only: jest collects tests/concurrency
// when TEST_DATABASE_URL is set): 64 signed-in clients create and re-prioritise MOs on the same scarce
// materials while receipts and manual postings run. Afterwards every MO's allocatedAhead / shortBy /
// materialStatus (live on the detail, stored on the list) equals a from-scratch recomputation of
// DOMAIN-2 §1 in plain TypeScript, no request got a 5xx, and the ledger invariant holds.
import { Prisma } from "@/lib/db/generated/client";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";
import { assertLedgerInvariant } from "../helpers/ledger";

jest.setTimeout(300_000);

let app: TestApp;
let manager: Client;
let inventory: Client;
let n = 0;
const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;
const db = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp({ poolSize: 20 });
  manager = await app.as("MANAGER");
  inventory = await app.as("INVENTORY");
});
afterAll(async () => {
  await app.close(); // asserts the ledger invariant too
});

interface Component {
  productId: string;
  sku: string;
  allocatedAhead: number;
  shortBy: number;
}
interface Mo {
  id: string;
  materialStatus: string | null;
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

async function detail(id: string): Promise<Mo> {
  const res = await manager.get<Mo>(`/api/mos/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

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

const CLIENTS = 64;

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
});
