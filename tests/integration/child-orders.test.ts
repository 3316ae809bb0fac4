// Sub-assembly child orders (DOMAIN-2 §1, lib/manufacturing/child-orders.ts) over real HTTP: a
// three-level product built through the API (TOP ← 2 FRAME + 4 RAW, FRAME ← 3 SUB + 1 RAW, SUB ← 2 RAW),
// childOrders none / shortage (ranked availability) / all, links both ways and the tree, priority,
// deadline and customer inheritance, the start gate (409 naming the child, lifted by stock or by the
// child closing), cancel with cascade, retried creation with and without an Idempotency-Key, and a
// bad childOrders refused with nothing written. Runs on PGlite and (TEST_DATABASE_URL) on Postgres.
import { randomUUID } from "node:crypto";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client, ErrorBody } from "../helpers/client";
import { assertLedgerInvariant } from "../helpers/ledger";

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

interface Link {
  id: string;
  orderNo: string;
  state: string;
  quantity: number;
}
interface Mo extends Link {
  name: string;
  priority: string;
  deadline: string | null;
  customerName: string | null;
  customerRef: string | null;
  promisedDate: string | null;
  parentId: string | null;
  product: { id: string; sku: string };
  workOrders: { id: string; code: string; status: string }[];
  parent: Link | null;
  children: Link[];
  descendants: (Link & { parentId: string; depth: number; product: { sku: string } })[];
  cascade?: { canceled: Link[]; leftOpen: Link[] };
}

function expectError(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as ErrorBody).error?.code }).toEqual({ status, code });
  expect(typeof (res.body as ErrorBody).error.message).toBe("string");
}

async function product(prefix: string, uom = "pcs"): Promise<{ id: string; sku: string }> {
  const sku = uniq(prefix);
  const res = await manager.post<{ id: string; sku: string }>("/api/products", { sku, name: `Product ${sku}`, isFinished: false, uom });
  expect(res.status).toBe(201);
  return res.body;
}

async function bom(productId: string, components: [string, number][], title: string): Promise<void> {
  const res = await manager.put(`/api/products/${productId}/bom`, {
    components: components.map(([materialId, qtyPerUnit]) => ({ materialId, qtyPerUnit })),
    operations: [{ title, workCenterId: null, minutesPerUnit: 1 }],
  });
  expect(res.status).toBe(200);
}

/** A fresh three-level product: TOP ← 2 FRAME + 4 RAW; FRAME ← 3 SUB + 1 RAW; SUB ← 2 RAW (RAW has no BOM). */
async function threeLevels(topUom = "pcs") {
  const raw = await product("RAW");
  const sub = await product("SUB");
  const frame = await product("FRAME");
  const top = await product("TOP", topUom);
  await bom(sub.id, [[raw.id, 2]], "Cut");
  await bom(frame.id, [[sub.id, 3], [raw.id, 1]], "Weld");
  await bom(top.id, [[frame.id, 2], [raw.id, 4]], "Assemble");
  return { raw, sub, frame, top };
}

async function receive(productId: string, quantity: number): Promise<void> {
  expect((await inventory.post("/api/stock/receipts", { productId, quantity })).status).toBe(201);
}

async function createMo(body: Record<string, unknown>, key?: string): Promise<ApiResponse<Mo>> {
  return manager.request<Mo>("POST", "/api/mos", { name: uniq("Order"), ...body }, key === undefined ? {} : { "Idempotency-Key": key });
}

async function created(body: Record<string, unknown>): Promise<Mo> {
  const res = await createMo(body);
  expect(res.status).toBe(201);
  return res.body;
}

const detail = async (id: string) => (await manager.get<Mo>(`/api/mos/${id}`)).body;
const childRows = (parentId: string) => db().manufacturingOrder.findMany({ where: { parentId }, orderBy: { createdAt: "asc" } });

describe("POST /api/mos childOrders", () => {
  test('"all" plans the whole need at every level, linked both ways, with the parent\'s priority, deadline and customer', async () => {
    const p = await threeLevels();
    const top = await created({ productId: p.top.id, quantity: 5, childOrders: "all", priority: "HIGH", deadline: "2031-03-01T10:00:00Z", customerName: "ACME", customerRef: "PO-9", promisedDate: "2031-03-05", notes: "top only" });

    expect(top.children).toHaveLength(1);
    const frame = await detail(top.children[0]!.id);
    expect(frame).toMatchObject({ product: { id: p.frame.id }, quantity: 10, state: "PLANNED", priority: "HIGH", deadline: "2031-03-01T10:00:00.000Z", customerName: "ACME", customerRef: "PO-9", promisedDate: null, parentId: top.id });
    expect(frame.parent).toEqual({ id: top.id, orderNo: top.orderNo, state: "PLANNED", quantity: 5 });
    expect(frame.workOrders).toHaveLength(1);
    expect(frame.children).toHaveLength(1);
    const sub = await detail(frame.children[0]!.id);
    // 5 tops × 2 frames × 3 subs; RAW has no BOM, so no order for it anywhere.
    expect(sub).toMatchObject({ product: { id: p.sub.id }, quantity: 30, priority: "HIGH", deadline: "2031-03-01T10:00:00.000Z", parentId: frame.id, children: [] });
    expect(sub.parent?.orderNo).toBe(frame.orderNo);

    expect(top.children).toEqual([{ id: frame.id, orderNo: frame.orderNo, state: "PLANNED", quantity: 10 }]);
    expect(top.descendants.map((d) => ({ orderNo: d.orderNo, parentId: d.parentId, depth: d.depth, sku: d.product.sku, quantity: d.quantity }))).toEqual([
      { orderNo: frame.orderNo, parentId: top.id, depth: 1, sku: p.frame.sku, quantity: 10 },
      { orderNo: sub.orderNo, parentId: frame.id, depth: 2, sku: p.sub.sku, quantity: 30 },
    ]);
    expect((await detail(top.id)).descendants).toHaveLength(2);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: top.id, action: "mo.create" } });
    expect(audit.payload).toMatchObject({ childOrders: "all", children: [frame.orderNo, sub.orderNo] });
    expect(await db().auditLog.findFirstOrThrow({ where: { entityId: sub.id, action: "mo.create" } })).toMatchObject({ payload: expect.objectContaining({ parentOrderNo: frame.orderNo }) });
  });

  test('"none" plans nothing; the default is "shortage" and plans nothing when the stock covers the need', async () => {
    const p = await threeLevels();
    const none = await created({ productId: p.top.id, quantity: 2, childOrders: "none" });
    expect(none).toMatchObject({ children: [], descendants: [], parent: null });
    expect(await childRows(none.id)).toHaveLength(0);

    await receive(p.frame.id, 100);
    const covered = await created({ productId: p.top.id, quantity: 2 });
    expect(covered.children).toEqual([]);
  });

  test('"shortage" orders what the ranked availability says is short, at every level', async () => {
    const p = await threeLevels();
    await receive(p.frame.id, 4);
    await receive(p.sub.id, 20);
    // First: 10 frames needed, 4 on hand → 6 short; those 6 need 18 subs, 20 on hand → none short.
    const first = await created({ productId: p.top.id, quantity: 5, childOrders: "shortage" });
    expect(first.children.map((c) => c.quantity)).toEqual([6]);
    const firstFrame = await detail(first.children[0]!.id);
    expect(firstFrame.children).toEqual([]);

    // Second, ranked after everything open: the first top holds all 10 frames ahead of it (nothing
    // available, 2 short) and its frame order holds 18 of the 20 subs (2 available of 6 → 4 short).
    const second = await created({ productId: p.top.id, quantity: 1, childOrders: "shortage" });
    expect(second.children.map((c) => c.quantity)).toEqual([2]);
    const secondFrame = await detail(second.children[0]!.id);
    expect(secondFrame.children.map((c) => c.quantity)).toEqual([4]);
    expect(second.descendants.map((d) => d.depth)).toEqual([1, 2]);
  });

  test("a counted sub-assembly is ordered in whole units (rounded up)", async () => {
    // The top is measured (kg), so 0.75 of it may be made: 1.5 frames → 2; then 2 × 3 = 6 subs.
    const p = await threeLevels("kg");
    const top = await created({ productId: p.top.id, quantity: 0.75, childOrders: "all" });
    expect(top.descendants.map((d) => d.quantity)).toEqual([2, 6]);
  });

  test("a bad childOrders is 400 and writes nothing", async () => {
    const p = await threeLevels();
    const count = async () => ({ mos: await db().manufacturingOrder.count(), wos: await db().workOrder.count(), audits: await db().auditLog.count() });
    const before = await count();
    for (const childOrders of ["some", "ALL", 1, null, true]) {
      expectError(await createMo({ productId: p.top.id, quantity: 1, childOrders }), 400, "VALIDATION_FAILED");
    }
    expect(await count()).toEqual(before);
  });
});

describe("the start gate", () => {
  test("a parent's WO cannot start while its open child's component is short; stock lifts it", async () => {
    const p = await threeLevels();
    const top = await created({ productId: p.top.id, quantity: 2, childOrders: "all" });
    const frame = top.children[0]!;
    const wo = top.workOrders[0]!;
    const refused = await manager.post<ErrorBody>(`/api/workorders/${wo.id}/start`);
    expectError(refused, 409, "INVALID_STATE");
    expect(refused.body.error.message).toContain(frame.orderNo);
    expect(refused.body.error.details).toMatchObject({ child: { orderNo: frame.orderNo, id: frame.id, shortBy: 4 }, children: [expect.objectContaining({ orderNo: frame.orderNo })] });
    expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).status).toBe("PENDING");

    await receive(p.frame.id, 3);
    expectError(await manager.post(`/api/workorders/${wo.id}/start`), 409, "INVALID_STATE");
    await receive(p.frame.id, 1);
    // 4 frames on hand for 4 needed: the child is still open, but nothing is short.
    const started = await manager.post<{ status: string }>(`/api/workorders/${wo.id}/start`);
    expect(started.status).toBe(200);
    expect(started.body.status).toBe("STARTED");
    // Free the manager's clock for the next tests (canceling pauses the running WO).
    expect((await manager.post(`/api/mos/${top.id}/cancel`, { cascade: true })).status).toBe(200);
  });

  test("short is the parent's ranked share: stock an earlier-ranked order holds does not count", async () => {
    const p = await threeLevels();
    const first = await created({ productId: p.top.id, quantity: 1, childOrders: "all", priority: "HIGH" });
    const second = await created({ productId: p.top.id, quantity: 1, childOrders: "all", priority: "NORMAL" });
    await receive(p.frame.id, 2);
    // On hand (2) covers the second's 2 frames, but the first (HIGH) is ranked ahead and holds them.
    const refused = await manager.post<ErrorBody>(`/api/workorders/${second.workOrders[0]!.id}/start`);
    expectError(refused, 409, "INVALID_STATE");
    expect(refused.body.error.details).toMatchObject({ child: { orderNo: second.children[0]!.orderNo, required: 2, onHand: 2, allocatedAhead: 2, available: 0, shortBy: 2 } });
    expect((await manager.post(`/api/workorders/${first.workOrders[0]!.id}/start`)).status).toBe(200);
    // Canceling the first (its running WO paused, its frame order canceled) frees the frames.
    expect((await manager.post(`/api/mos/${first.id}/cancel`, { cascade: true })).status).toBe(200);
    expect((await manager.post(`/api/workorders/${second.workOrders[0]!.id}/start`)).status).toBe(200);
    expect((await manager.post(`/api/mos/${second.id}/cancel`, { cascade: true })).status).toBe(200);
  });

  test("a closed child no longer blocks, even with the component still short", async () => {
    const p = await threeLevels();
    const top = await created({ productId: p.top.id, quantity: 2, childOrders: "all" });
    const frame = await detail(top.children[0]!.id);
    expectError(await manager.post(`/api/workorders/${top.workOrders[0]!.id}/start`), 409, "INVALID_STATE");
    // The frame order closes with 1 of 4 made (its grandchild is canceled, its materials received).
    await receive(p.sub.id, 3);
    await receive(p.raw.id, 1);
    expect((await manager.post(`/api/mos/${frame.children[0]!.id}/cancel`, {})).status).toBe(200);
    expect((await manager.post(`/api/mos/${frame.id}/complete`, { producedQty: 1 })).status).toBe(200);
    const started = await manager.post(`/api/workorders/${top.workOrders[0]!.id}/start`);
    expect(started.status).toBe(200);
    expect((await manager.post(`/api/mos/${top.id}/cancel`, {})).status).toBe(200);
  });
});

describe("cancel with cascade", () => {
  test("cancels PLANNED descendants, leaves running ones open and names them", async () => {
    const p = await threeLevels();
    const top = await created({ productId: p.top.id, quantity: 1, childOrders: "all" });
    const frame = await detail(top.children[0]!.id);
    const sub = await detail(frame.children[0]!.id);
    // The sub order is running: it is left (and would be, at any depth).
    expect((await manager.post(`/api/workorders/${sub.workOrders[0]!.id}/start`)).status).toBe(200);

    const res = await manager.post<Mo>(`/api/mos/${top.id}/cancel`, { reason: "customer withdrew", cascade: true });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe("CANCELED");
    expect(res.body.cascade).toEqual({ canceled: [{ id: frame.id, orderNo: frame.orderNo, state: "CANCELED" }], leftOpen: [{ id: sub.id, orderNo: sub.orderNo, state: "IN_PROGRESS" }] });
    expect((await detail(frame.id)).state).toBe("CANCELED");
    expect((await detail(sub.id)).state).toBe("IN_PROGRESS");
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: top.id, action: "mo.cancel" } });
    expect(audit.payload).toMatchObject({ reason: "customer withdrew", cascade: { canceled: [frame.orderNo], leftOpen: [sub.orderNo] } });
    expect(await db().auditLog.findFirstOrThrow({ where: { entityId: frame.id, action: "mo.cancel" } })).toMatchObject({ payload: expect.objectContaining({ cascadeOf: top.orderNo }) });
    expect((await manager.post(`/api/mos/${sub.id}/cancel`, {})).status).toBe(200);
  });

  test("without cascade the children stay; a later cancel with cascade of the canceled parent cancels them", async () => {
    const p = await threeLevels();
    const top = await created({ productId: p.top.id, quantity: 1, childOrders: "all" });
    const plain = await manager.post<Mo>(`/api/mos/${top.id}/cancel`, {});
    expect(plain.status).toBe(200);
    expect(plain.body.cascade).toBeUndefined();
    expect((await childRows(top.id)).map((c) => c.state)).toEqual(["PLANNED"]);
    const again = await manager.post<Mo>(`/api/mos/${top.id}/cancel`, { cascade: true });
    expect(again.status).toBe(200);
    expect(again.body.cascade?.canceled.map((c) => c.orderNo)).toEqual(top.descendants.map((d) => d.orderNo));
    const states = await db().manufacturingOrder.findMany({ where: { id: { in: top.descendants.map((d) => d.id) } }, select: { state: true } });
    expect(states.map((s) => s.state)).toEqual(["CANCELED", "CANCELED"]);
    expectError(await manager.post(`/api/mos/${top.id}/cancel`, { cascade: "yes" }), 400, "VALIDATION_FAILED");
  });
});

describe("retried creation", () => {
  test("parallel requests with one Idempotency-Key make one parent and one set of children", async () => {
    const p = await threeLevels();
    const key = randomUUID();
    const body = { name: uniq("Retried"), productId: p.top.id, quantity: 2, childOrders: "all" };
    const answers = await Promise.all(Array.from({ length: 6 }, () => createMo(body, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const parents = await db().manufacturingOrder.findMany({ where: { productId: p.top.id } });
    expect(parents).toHaveLength(1);
    const frames = await db().manufacturingOrder.findMany({ where: { productId: p.frame.id } });
    const subs = await db().manufacturingOrder.findMany({ where: { productId: p.sub.id } });
    expect(frames.map((f) => f.parentId)).toEqual([parents[0]!.id]);
    expect(subs.map((s) => s.parentId)).toEqual([frames[0]!.id]);
  });

  test("without a key every POST is a new order, each with its own children (by design)", async () => {
    const p = await threeLevels();
    const body = { name: uniq("Twice"), productId: p.top.id, quantity: 1, childOrders: "all" };
    const [a, b] = await Promise.all([createMo(body), createMo(body)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    for (const top of [a.body, b.body]) {
      const frames = await childRows(top.id);
      expect(frames).toHaveLength(1);
      expect(await childRows(frames[0]!.id)).toHaveLength(1);
    }
    expect(await db().manufacturingOrder.count({ where: { productId: p.frame.id } })).toBe(2);
    await assertLedgerInvariant(db());
  });
});
