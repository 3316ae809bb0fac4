import type { Kpis } from "@/lib/reports/kpis";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ErrorBody } from "../helpers/client";

let app: TestApp;
const DAY = 24 * 3600 * 1000;
const now = Date.now();

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.handle.prisma;
  const manager = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
  const table = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
  const base = { productId: table.id, createdById: manager.id, bomSnapshot: [], quantity: 2 };
  // Done: two on time, one late, all inside the default 30-day period; one done 40 days ago (outside).
  await p.manufacturingOrder.createMany({
    data: [
      { ...base, name: "done on time 1", state: "DONE", producedQty: 2, deadline: new Date(now - 2 * DAY), completedAt: new Date(now - 3 * DAY) },
      { ...base, name: "done on time 2", state: "DONE", producedQty: 3, deadline: new Date(now + 2 * DAY), completedAt: new Date(now - 1 * DAY) },
      { ...base, name: "done late", state: "DONE", producedQty: 1, deadline: new Date(now - 5 * DAY), completedAt: new Date(now - 4 * DAY) },
      { ...base, name: "done long ago", state: "DONE", producedQty: 9, deadline: new Date(now - 41 * DAY), completedAt: new Date(now - 40 * DAY) },
      { ...base, name: "late planned", state: "PLANNED", deadline: new Date(now - 1 * DAY) },
      { ...base, name: "late running", state: "IN_PROGRESS", deadline: new Date(now - 2 * DAY), startedAt: new Date(now - 3 * DAY) },
      { ...base, name: "canceled past deadline", state: "CANCELED", deadline: new Date(now - 1 * DAY) },
    ],
  });
  const running = await p.manufacturingOrder.findFirstOrThrow({ where: { name: "late running" } });
  // Completed WOs with known worked minutes: Weld 10, 20, 30, 40 → avg 25, p90 37; Paint 5.
  const wo = (sequence: number, title: string, status: "COMPLETED" | "PENDING", durationMin?: number, endTime?: Date) => ({
    moId: running.id, sequence, title, status, durationMin, endTime,
  });
  await p.workOrder.createMany({
    data: [
      wo(1, "Weld", "COMPLETED", 10, new Date(now - 60_000)),
      wo(2, "Weld", "COMPLETED", 20, new Date(now - 2 * DAY)),
      wo(3, "Weld", "COMPLETED", 30, new Date(now - 3 * DAY)),
      wo(4, "Weld", "COMPLETED", 40, new Date(now - 4 * DAY)),
      wo(5, "Paint", "COMPLETED", 5, new Date(now - 60_000)),
      wo(6, "Pack", "PENDING"),
    ],
  });
});
afterAll(async () => {
  await app.close();
});

test("KPIs are computed from the database for the period", async () => {
  const res = await (await app.as("MANAGER")).get<Kpis>("/api/reports/kpis");
  expect(res.status).toBe(200);
  const k = res.body;
  // The seeded demo order is PLANNED (deadline in a week) and not late.
  expect(k.mosByState).toEqual({ PLANNED: 2, IN_PROGRESS: 1, DONE: 4, CANCELED: 1 });
  expect(k.late.count).toBe(2);
  expect(k.late.items.map((m) => m.name)).toEqual(["late running", "late planned"]);
  expect(k.onTime).toEqual({ completed: 3, onTime: 2, rate: 2 / 3 });
  expect(k.workOrdersCompleted.today).toBeGreaterThanOrEqual(1); // the two finished a minute ago (unless midnight just passed)
  expect(k.workOrdersCompleted.thisWeek).toBeGreaterThanOrEqual(k.workOrdersCompleted.today);
  expect(k.durationsByOperation).toEqual([
    { title: "Paint", completed: 1, avgMinutes: 5, p90Minutes: 5 },
    { title: "Weld", completed: 4, avgMinutes: 25, p90Minutes: 37 },
  ]);
  expect(k.throughput).toHaveLength(30);
  expect(k.throughput.reduce((s, d) => s + d.mosCompleted, 0)).toBe(3);
  expect(k.throughput.reduce((s, d) => s + d.unitsProduced, 0)).toBe(6);
  expect(k.inProgress).toEqual([expect.objectContaining({ name: "late running", completedWOs: 5, totalWOs: 6 })]);
  // Demo stock is above its reorder points.
  expect(k.lowStock).toEqual({ count: 0, items: [] });
});

test("low stock is listed for stock readers and hidden from SALES", async () => {
  const p = app.db.handle.prisma;
  await p.product.update({ where: { sku: "SCR-01" }, data: { reorderPoint: 5000 } });
  const inv = await (await app.as("INVENTORY")).get<Kpis>("/api/reports/kpis");
  expect(inv.body.lowStock).toEqual({ count: 1, items: [expect.objectContaining({ sku: "SCR-01", onHand: 1000, reorderPoint: 5000 })] });
  const sales = await (await app.as("SALES")).get<Kpis>("/api/reports/kpis");
  expect(sales.status).toBe(200);
  expect(sales.body.lowStock).toBeNull();
  await p.product.update({ where: { sku: "SCR-01" }, data: { reorderPoint: 200 } });
});

test("a narrower period narrows the period KPIs", async () => {
  const from = new Date(now - 2 * DAY + 60_000).toISOString(); // just after the Weld WO that ended two days ago
  const res = await (await app.as("VIEWER")).get<Kpis>(`/api/reports/kpis?from=${encodeURIComponent(from)}`);
  expect(res.body.onTime).toEqual({ completed: 1, onTime: 1, rate: 1 });
  expect(res.body.durationsByOperation).toEqual([
    { title: "Paint", completed: 1, avgMinutes: 5, p90Minutes: 5 },
    { title: "Weld", completed: 1, avgMinutes: 10, p90Minutes: 10 },
  ]);
});

test("bad periods and time zones → 400; operators may not read reports", async () => {
  const c = await app.as("MANAGER");
  for (const q of ["from=yesterday", "from=2026-11-10&to=2026-11-01", "tz=Mars/Olympus", "bogus=1"]) {
    const res = await c.get<ErrorBody>(`/api/reports/kpis?${q}`);
    expect([q, res.status, res.body.error.code]).toEqual([q, 400, "VALIDATION_FAILED"]);
  }
  expect((await (await app.as("OPERATOR")).get("/api/reports/kpis")).status).toBe(403);
});

test("days begin in the requested time zone", async () => {
  const res = await (await app.as("MANAGER")).get<Kpis>("/api/reports/kpis?tz=Pacific/Kiritimati");
  expect(res.status).toBe(200);
  expect(res.body.throughput).toHaveLength(30);
  expect(res.body.throughput.reduce((s, d) => s + d.mosCompleted, 0)).toBe(3);
});
