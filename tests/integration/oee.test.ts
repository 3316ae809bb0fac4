// Downtime and OEE per work center against a hand-computed fixture: time logs, pauses and completed
// work orders written directly with known instants, then read through GET /api/reports/oee and the
// downtime / OEE exports (machine CSV). Plus one pause made through the API, to tie the two together.
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";

let app: TestApp;
let manager: Client;
let viewer: Client;
const db = () => app.db.handle.prisma;

const FROM = "2026-01-05T00:00:00Z";
const TO = "2026-01-06T00:00:00Z";
const at = (s: string) => new Date(`2026-01-${s}Z`);

interface OeeRow {
  workCenterId: string | null;
  name: string | null;
  runMin: number;
  downtimeMin: number;
  plannedMin: number;
  completed: number;
  goodQty: number;
  scrapQty: number;
  availability: number | null;
  performance: number | null;
  quality: number | null;
  oee: number | null;
}
interface Figures {
  items: OeeRow[];
  downtime: { workCenter: string | null; code: string; reason: string; pauses: number; minutes: number }[];
}

let cell: string;
let cell2: string;
let idle: string;

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  viewer = await app.as("VIEWER");
  const p = db();
  const op = (await p.user.findUniqueOrThrow({ where: { email: "operator@demo.com" } })).id;
  const product = (await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" } })).id;
  cell = (await p.workCenter.create({ data: { name: "OEE cell" } })).id;
  cell2 = (await p.workCenter.create({ data: { name: "OEE cell 2" } })).id;
  idle = (await p.workCenter.create({ data: { name: "OEE idle" } })).id;
  const reason = async (code: string) => (await p.pauseReason.findUniqueOrThrow({ where: { code } })).id;
  const mo = await p.manufacturingOrder.create({ data: { name: "OEE fixture", productId: product, quantity: 2, bomSnapshot: [], createdById: op } });
  const canceled = await p.manufacturingOrder.create({ data: { name: "OEE canceled", productId: product, quantity: 2, bomSnapshot: [], createdById: op, state: "CANCELED", canceledAt: at("05T06:00:00") } });
  let seq = 0;
  const wo = (data: Record<string, unknown>, moId = mo.id) => p.workOrder.create({ data: { moId, sequence: ++seq, title: `OEE ${seq}`, ...data } });

  // Cell: A ran 08:00–10:00 and 10:30–11:30, paused 10:00–10:30 (BREAKDOWN), completed 11:30 with
  // 9 good and 1 scrap, planned 150 min.
  const a = await wo({ workCenterId: cell, status: "COMPLETED", endTime: at("05T11:30:00"), plannedMin: 150, goodQty: 9, scrapQty: 1 });
  // B ran from 23:00 the day before to 01:00 (60 min inside), paused 01:00–02:00 (SETUP), ran
  // 02:00–03:00, completed 03:00 without figures (counts its MO quantity, 2, as good), planned 30.
  const b = await wo({ workCenterId: cell, status: "COMPLETED", endTime: at("05T03:00:00"), plannedMin: 30 });
  // C paused 23:30 until 01:00 the next day (MATERIAL: 30 min inside), still PAUSED.
  const c = await wo({ workCenterId: cell, status: "PAUSED" });
  // D: completed the day before (its planned minutes and units are outside the period).
  const d = await wo({ workCenterId: cell, status: "COMPLETED", endTime: at("04T12:00:00"), plannedMin: 500, goodQty: 100, scrapQty: 50 });
  // E, on a canceled MO: paused at 05:00 and never resumed; the pause ends when the MO was canceled (06:00).
  const e = await wo({ workCenterId: cell, status: "PAUSED" }, canceled.id);
  await p.workOrderTimeLog.createMany({
    data: [
      { workOrderId: a.id, userId: op, startedAt: at("05T08:00:00"), endedAt: at("05T10:00:00") },
      { workOrderId: a.id, userId: op, startedAt: at("05T10:30:00"), endedAt: at("05T11:30:00") },
      { workOrderId: b.id, userId: op, startedAt: at("04T23:00:00"), endedAt: at("05T01:00:00") },
      { workOrderId: b.id, userId: op, startedAt: at("05T02:00:00"), endedAt: at("05T03:00:00") },
      { workOrderId: d.id, userId: op, startedAt: at("04T10:00:00"), endedAt: at("04T12:00:00") },
    ],
  });
  await p.workOrderPause.createMany({
    data: [
      { workOrderId: a.id, userId: op, reasonId: await reason("BREAKDOWN"), startedAt: at("05T10:00:00"), endedAt: at("05T10:30:00") },
      { workOrderId: b.id, userId: op, reasonId: await reason("SETUP"), startedAt: at("05T01:00:00"), endedAt: at("05T02:00:00") },
      { workOrderId: c.id, userId: op, reasonId: await reason("MATERIAL"), startedAt: at("05T23:30:00"), endedAt: at("06T01:00:00") },
      { workOrderId: e.id, userId: op, reasonId: await reason("SETUP"), startedAt: at("05T05:00:00"), endedAt: null },
    ],
  });
  // Cell 2: 60 minutes run, 90 planned (performance capped at 1), 5 good, no pauses.
  const f = await wo({ workCenterId: cell2, status: "COMPLETED", endTime: at("05T09:00:00"), plannedMin: 90, goodQty: 5, scrapQty: 0 });
  await p.workOrderTimeLog.create({ data: { workOrderId: f.id, userId: op, startedAt: at("05T08:00:00"), endedAt: at("05T09:00:00") } });
});
afterAll(async () => {
  await app.close();
});

test("OEE per work center matches the hand computation", async () => {
  const res = await viewer.get<Figures>(`/api/reports/oee?from=${FROM}&to=${TO}&tz=UTC`);
  expect(res.status).toBe(200);
  const row = (id: string) => res.body.items.find((r) => r.workCenterId === id);
  // Run 120 + 60 + 60 + 60 = 300; downtime 30 + 60 + 30 + 60 (E: 05:00–06:00) = 180.
  // availability 300 / 480 = 0.625; performance (150 + 30) / 300 = 0.6; quality (9 + 2) / 12 = 0.91667;
  // OEE 0.625 × 0.6 × 0.916667 = 0.34375.
  expect(row(cell)).toEqual({
    workCenterId: cell,
    name: "OEE cell",
    runMin: 300,
    downtimeMin: 180,
    plannedMin: 180,
    completed: 2,
    goodQty: 11,
    scrapQty: 1,
    availability: 0.625,
    performance: 0.6,
    quality: 0.9167,
    oee: 0.3438,
  });
  expect(row(cell2)).toMatchObject({ runMin: 60, downtimeMin: 0, plannedMin: 90, availability: 1, performance: 1, quality: 1, oee: 1 });
  // An active work center without activity is listed, with nothing to divide by.
  expect(row(idle)).toMatchObject({ runMin: 0, downtimeMin: 0, completed: 0, availability: null, performance: null, quality: null, oee: null });

  const one = await manager.get<Figures>(`/api/reports/oee?from=${FROM}&to=${TO}&workCenterId=${cell2}`);
  expect(one.body.items.map((r) => r.workCenterId)).toEqual([cell2]);
  expect((await manager.get(`/api/reports/oee?from=${TO}&to=${FROM}`)).status).toBe(400);
  expect((await manager.get(`/api/reports/oee?workCenterId=nope`)).status).toBe(400);
  expect((await (await app.as("OPERATOR")).get(`/api/reports/oee`)).status).toBe(403);
});

test("downtime per work center and reason, clipped to the period", async () => {
  const res = await manager.get<Figures>(`/api/reports/oee?from=${FROM}&to=${TO}&workCenterId=${cell}`);
  expect(res.body.downtime.map((d) => [d.code, d.pauses, d.minutes])).toEqual([
    ["SETUP", 2, 120],
    ["MATERIAL", 1, 30],
    ["BREAKDOWN", 1, 30],
  ]);
  // A period of one hour (10:00–11:00) cuts A's run and its pause.
  const hour = await manager.get<Figures>(`/api/reports/oee?from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z&workCenterId=${cell}`);
  expect(hour.body.items[0]).toMatchObject({ runMin: 30, downtimeMin: 30, completed: 0, availability: 0.5, performance: 0, quality: null, oee: null });
});

test("the OEE and downtime exports carry the same figures", async () => {
  const oee = await manager.raw("GET", `/api/reports/export?report=oee&format=csv&dialect=rfc4180&from=${FROM}&to=${TO}&tz=UTC&workCenterId=${cell}`);
  expect(oee.status).toBe(200);
  const lines = oee.text.trim().split(/\r?\n/);
  expect(lines[0]).toBe("workCenter,runMin,downtimeMin,plannedMin,completed,goodQty,scrapQty,availability,performance,quality,oee");
  expect(lines[1]).toBe("OEE cell,300,180,180,2,11,1,0.625,0.6,0.9167,0.3438");

  const down = await manager.raw("GET", `/api/reports/export?report=downtime&format=csv&dialect=rfc4180&from=${FROM}&to=${TO}&tz=UTC`);
  expect(down.status).toBe(200);
  expect(down.text).toContain("OEE cell,SETUP,");
  expect(down.text).toMatch(/BREAKDOWN,[^,\n]*,1,30\b/);
  for (const format of ["xlsx", "pdf"]) {
    for (const report of ["oee", "downtime"]) {
      const file = await manager.raw("GET", `/api/reports/export?report=${report}&format=${format}&from=${FROM}&to=${TO}`);
      expect(file.status).toBe(200);
    }
  }
  expect((await manager.get(`/api/reports/export?report=oee&format=csv&productId=${cell}`)).status).toBe(400);
});

test("a pause made through the API is downtime of its work center and reason", async () => {
  const product = (await db().product.findUniqueOrThrow({ where: { sku: "TABLE-100" } })).id;
  const mo = await manager.post<{ workOrders: { id: string; sequence: number; workCenter: { id: string } | null }[] }>("/api/mos", { name: "OEE live", productId: product, quantity: 1 });
  const wo = [...mo.body.workOrders].sort((a, b) => a.sequence - b.sequence)[0]!;
  const from = new Date(Date.now() - 60_000).toISOString();
  expect((await manager.post(`/api/workorders/${wo.id}/start`)).status).toBe(200);
  expect((await manager.post(`/api/workorders/${wo.id}/pause`, { reason: "QUALITY" })).status).toBe(200);
  await new Promise((r) => setTimeout(r, 50));
  expect((await manager.post(`/api/workorders/${wo.id}/complete`)).status).toBe(200);
  const to = new Date(Date.now() + 60_000).toISOString();
  const res = await manager.get<Figures>(`/api/reports/oee?from=${from}&to=${to}`);
  const rows = res.body.downtime.filter((d) => d.code === "QUALITY");
  expect(rows).toHaveLength(1);
  expect(rows[0]!.pauses).toBe(1);
  expect(rows[0]!.minutes).toBeGreaterThan(0);
  const center = res.body.items.find((r) => r.workCenterId === (wo.workCenter?.id ?? null))!;
  expect(center.completed).toBe(1);
  expect(center.downtimeMin).toBe(rows[0]!.minutes);
});
