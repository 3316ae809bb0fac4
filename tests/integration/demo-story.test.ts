// The production story of issue 12 end to end, over HTTP on the demo data: a two-level Workbench
// (its Table Frame has a BOM of its own) is planned with its sub-assembly order; the frame order must
// be made first; the operator reports 4 good and 1 scrapped at the last operation; the planner closes
// the order short with a backorder; then stock, the ranked availability of the next order and the
// rolled-up cost (the frames' real cost inside the Workbench's) are checked against each other and
// against the costs export. Runs on PGlite and on Postgres (TEST_DATABASE_URL).
import { parse } from "csv-parse/sync";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";
import { assertLedgerInvariant } from "../helpers/ledger";

let app: TestApp;
let manager: Client;
let operator: Client;
let inventory: Client;
const db = () => app.db.handle.prisma;
const ids: Record<string, string> = {};

interface Material { productId: string; sku: string; required: number; onHand: number; allocatedAhead: number; available: number; shortBy: number }
interface Link { id: string; orderNo: string; state: string; quantity: number }
interface Mo {
  id: string;
  orderNo: string;
  state: string;
  quantity: number;
  producedQty: number | null;
  scrapQty: number | null;
  materialStatus: string | null;
  materials: Material[];
  parent: Link | null;
  children: Link[];
  backorder: Link | null;
  backorderOf: Link | null;
  workOrders: { id: string; title: string; status: string; goodQty: number | null; scrapQty: number | null }[];
}

beforeAll(async () => {
  app = await startTestApp();
  [manager, operator, inventory] = [await app.as("MANAGER"), await app.as("OPERATOR"), await app.as("INVENTORY")];
  const p = db();
  for (const prod of await p.product.findMany()) ids[prod.sku] = prod.id;
  for (const wc of await p.workCenter.findMany()) ids[wc.name] = wc.id;
  ids.operator = (await p.user.findUniqueOrThrow({ where: { email: "operator@demo.com" } })).id;
  // The planner sets up the two-level product the way a factory would: through the API.
  const product = async (sku: string, name: string, isFinished: boolean) => {
    const res = await manager.post<{ id: string }>("/api/products", { sku, name, isFinished, uom: "pcs" });
    expect(res.status).toBe(201);
    return (ids[sku] = res.body.id);
  };
  const frame = await product("FRAME-200", "Table Frame", false);
  const bench = await product("BENCH-300", "Workbench", true);
  const bom = async (productId: string, components: [string, number][], operations: [string, string, number][]) =>
    expect(
      (await manager.put(`/api/products/${productId}/bom`, {
        components: components.map(([materialId, qtyPerUnit]) => ({ materialId, qtyPerUnit })),
        operations: operations.map(([title, workCenterId, minutesPerUnit]) => ({ title, workCenterId, minutesPerUnit })),
      })).status,
    ).toBe(200);
  await bom(frame, [[ids["STEEL-01"]!, 2], [ids["SCR-01"]!, 8]], [["Weld frame", ids.Welding!, 25]]);
  await bom(bench, [[frame, 1], [ids["STEEL-01"]!, 1], [ids["SCR-01"]!, 4]], [["Mount top", ids.Assembly!, 15], ["Inspect", ids.Assembly!, 5]]);
  // Materials bought at the demo's standard costs, so every value below is exact.
  expect((await inventory.post("/api/stock/receipts", { productId: ids["STEEL-01"], quantity: 50, unitCost: 25 })).status).toBe(201);
  expect((await inventory.post("/api/stock/receipts", { productId: ids["SCR-01"], quantity: 500, unitCost: 0.5 })).status).toBe(201);
});
afterAll(async () => {
  await assertLedgerInvariant(db());
  await app.close();
});

const mo = async (id: string) => {
  const res = await manager.get<Mo>(`/api/mos/${id}`);
  expect(res.status).toBe(200);
  return res.body;
};
const onHand = async (sku: string) => (await db().stockLevel.findUniqueOrThrow({ where: { productId: ids[sku]! } })).onHand.toNumber();
const material = (m: Mo, sku: string) => m.materials.find((x) => x.sku === sku)!;

/** The operator runs a work order for `minutes` (the open time log is moved back) and reports it. */
async function work(woId: string, minutes: number, report?: Record<string, unknown>) {
  expect((await manager.patch(`/api/workorders/${woId}`, { assignedToId: ids.operator })).status).toBe(200);
  const started = await operator.post(`/api/workorders/${woId}/start`);
  expect(started.status).toBe(200);
  await db().workOrderTimeLog.updateMany({ where: { workOrderId: woId, endedAt: null }, data: { startedAt: new Date(Date.now() - minutes * 60_000) } });
  const done = await operator.post<{ status: string }>(`/api/workorders/${woId}/complete`, report);
  expect([done.status, done.body.status]).toEqual([200, "COMPLETED"]);
}

test("a two-level Workbench: sub-assembly order, 4 good and 1 scrapped, a backorder, stock, availability and rolled-up cost", async () => {
  const steel0 = await onHand("STEEL-01");
  const screws0 = await onHand("SCR-01");

  // 1. Planning 5 Workbenches plans the 5 Table Frames they lack (the default "shortage").
  const created = await manager.post<Mo>("/api/mos", { name: "Five workbenches", productId: ids["BENCH-300"], quantity: 5 });
  expect(created.status).toBe(201);
  const parent0 = await mo(created.body.id);
  expect(parent0.children).toHaveLength(1);
  const child0 = await mo(parent0.children[0]!.id);
  expect([child0.quantity, child0.parent?.id, child0.state]).toEqual([5, parent0.id, "PLANNED"]);
  expect(material(parent0, "FRAME-200")).toMatchObject({ required: 5, onHand: 0, shortBy: 5 });
  expect(parent0.materialStatus).toBe("WAITING");

  // A second, less urgent order for 2 Workbenches, without sub-assembly orders: ranked after the first.
  const next = await manager.post<Mo>("/api/mos", { name: "Two workbenches", productId: ids["BENCH-300"], quantity: 2, priority: "LOW", childOrders: "none" });
  expect(next.status).toBe(201);

  // 2. The Workbench cannot start while its frame order is open and frames are short.
  const [mount, inspect] = parent0.workOrders;
  expect((await manager.patch(`/api/workorders/${mount!.id}`, { assignedToId: ids.operator })).status).toBe(200);
  const refused = await operator.post<{ error: { code: string; message: string } }>(`/api/workorders/${mount!.id}/start`);
  expect([refused.status, refused.body.error.code]).toEqual([409, "INVALID_STATE"]);
  expect(refused.body.error.message).toContain(child0.orderNo);

  // 3. The frames are welded: 30 minutes at Welding's 45/h.
  await work(child0.workOrders[0]!.id, 30);
  const child = await mo(child0.id);
  expect([child.state, child.producedQty, child.scrapQty]).toEqual(["DONE", 5, 0]);
  expect(await onHand("FRAME-200")).toBe(5);
  expect((await mo(parent0.id)).materialStatus).toBe("READY");

  // 4. The Workbenches: 5 reach "Mount top", 5 good; at "Inspect" 4 good and 1 scrapped.
  await work(mount!.id, 20);
  await work(inspect!.id, 10, { goodQty: 4, scrapQty: 1, scrapReason: "QUALITY" });
  const closed = await mo(parent0.id);
  expect([closed.state, closed.producedQty, closed.scrapQty]).toEqual(["DONE", 4, 1]);
  expect(closed.workOrders.map((w) => [w.title, w.goodQty, w.scrapQty])).toEqual([["Mount top", 5, 0], ["Inspect", 4, 1]]);

  // 5. Closed short: the planner plans the missing one as a backorder, linked both ways.
  const bo = await manager.post<{ mo: Mo; backorder: Mo }>(`/api/mos/${parent0.id}/complete`, { backorder: true });
  expect(bo.status).toBe(200);
  const backorder = await mo(bo.body.backorder.id);
  expect([backorder.quantity, backorder.state, backorder.backorderOf?.id]).toEqual([1, "PLANNED", parent0.id]);
  expect((await mo(parent0.id)).backorder?.id).toBe(backorder.id);

  // 6. Stock: the scrapped Workbench used material too (snapshot × (4 + 1)).
  expect(await onHand("FRAME-200")).toBe(0);
  expect(await onHand("BENCH-300")).toBe(4);
  expect(await onHand("STEEL-01")).toBe(steel0 - 5 * 2 - 5 * 1);
  expect(await onHand("SCR-01")).toBe(screws0 - 5 * 8 - 5 * 4);

  // 7. Availability of the next orders: the backorder (NORMAL) ranks ahead of the LOW order.
  const second = await mo(next.body.id);
  expect(material(second, "FRAME-200")).toMatchObject({ required: 2, onHand: 0, allocatedAhead: 1, available: 0, shortBy: 2 });
  expect(material(backorder, "FRAME-200")).toMatchObject({ required: 1, allocatedAhead: 0, shortBy: 1 });
  expect([backorder.materialStatus, second.materialStatus]).toEqual(["WAITING", "WAITING"]);
  const levels = await manager.get<{ items: { sku: string; allocated: number; available: number }[] }>("/api/stock?q=FRAME-200");
  expect(levels.body.items.find((i) => i.sku === "FRAME-200")).toMatchObject({ allocated: 3, available: -3 });

  // 8. Cost: a frame cost its materials (2 × 25 + 8 × 0.5 = 54) plus 22.5 / 5 of labour; the
  // Workbench's material cost holds the frames at that real cost.
  const frameCost = (await db().product.findUniqueOrThrow({ where: { id: ids["FRAME-200"]! } })).unitCost!.toNumber();
  expect(frameCost).toBeCloseTo(54 + 22.5 / 5, 2);
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const res = await fetch(`${app.url}/api/reports/export?report=costs&format=csv&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { headers: { cookie: manager.cookieHeader() } });
  expect(res.status).toBe(200);
  const rows = parse(await res.text(), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const row = (orderNo: string) => rows.find((r) => r.orderNo === orderNo)!;
  const frames = row(child0.orderNo);
  const benches = row(parent0.orderNo);
  expect(Number(frames.actualMaterialCost)).toBeCloseTo(270, 2);
  expect(Number(frames.laborCost)).toBeCloseTo(22.5, 1);
  // 5 frames at their real cost + 5 steel plates at 25 + 20 screw packs at 0.5.
  expect(Number(benches.actualMaterialCost)).toBeCloseTo(Number(frames.totalCost) + 125 + 10, 2);
  expect(Number(benches.laborCost)).toBeCloseTo(30 * 35 / 60, 1);
  expect(Number(benches.costPerUnit)).toBeCloseTo(Number(benches.totalCost) / 4, 2);
  const bench = await db().product.findUniqueOrThrow({ where: { id: ids["BENCH-300"]! } });
  expect(bench.unitCost!.toNumber()).toBeCloseTo(Number(benches.totalCost) / 4, 2);
});
