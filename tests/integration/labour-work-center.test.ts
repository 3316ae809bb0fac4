// A time log carries its work order's work center (migration 20261211010000, kept by triggers for
// every writer), and the labour export groups and filters by it without joining the work orders
// (docs/performance.md). The log follows its work order: a new log takes the WO's center whatever the
// writer says, and a WO moved to another center (through the API) or left without one takes its logs
// along, so the export attributes the minutes as it did when it joined the work orders.
import { parse } from "csv-parse/sync";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";
import { DEMO_MO_NAME } from "@/lib/demo/seed";

const MIN = 60_000;
let app: TestApp;
let manager: Client;
let welding: string;
let assembly: string;
let woId: string;
let operatorId: string;

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  const p = app.db.handle.prisma;
  welding = (await p.workCenter.findUniqueOrThrow({ where: { name: "Welding" } })).id; // 45 per hour
  assembly = (await p.workCenter.findUniqueOrThrow({ where: { name: "Assembly" } })).id; // 35 per hour
  const wo = await p.workOrder.findFirstOrThrow({ where: { mo: { name: DEMO_MO_NAME }, sequence: 1 } });
  expect(wo.workCenterId).toBe(welding);
  woId = wo.id;
  operatorId = (await p.user.findUniqueOrThrow({ where: { email: "operator@demo.com" } })).id;
}, 120_000);
afterAll(async () => {
  await app.close();
});

const logCenters = async () =>
  (await app.db.handle.prisma.workOrderTimeLog.findMany({ where: { workOrderId: woId }, orderBy: { startedAt: "asc" }, select: { workCenterId: true } })).map((l) => l.workCenterId);

/** The labour export's "by work center" rows (name, minutes, cost), optionally filtered to one center. */
async function byCenter(filter?: string): Promise<string[][]> {
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const url = `${app.url}/api/reports/export?report=labor&format=csv&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${filter ? `&workCenterId=${filter}` : ""}`;
  const res = await fetch(url, { headers: { cookie: manager.cookieHeader() } });
  expect(res.status).toBe(200);
  const rows = parse(await res.text(), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.filter((r) => r.section === "By work center").map((r) => [r.name!, r.minutes!, r.laborCost!]);
}

test("a new log takes its work order's center, whatever its writer gives", async () => {
  const p = app.db.handle.prisma;
  const start = Date.now() - 5 * 60 * MIN;
  await p.workOrderTimeLog.create({ data: { workOrderId: woId, userId: operatorId, startedAt: new Date(start), endedAt: new Date(start + 30 * MIN) } });
  await p.workOrderTimeLog.create({
    data: { workOrderId: woId, userId: operatorId, startedAt: new Date(start + 60 * MIN), endedAt: new Date(start + 90 * MIN), workCenterId: assembly },
  });
  expect(await logCenters()).toEqual([welding, welding]);
  // Nor can an update point a log elsewhere.
  await p.workOrderTimeLog.updateMany({ where: { workOrderId: woId }, data: { workCenterId: assembly } });
  expect(await logCenters()).toEqual([welding, welding]);
  expect(await byCenter()).toEqual([
    ["Welding", "60", "45"],
    ["Total", "60", "45"],
  ]);
});

test("a work order moved to another center through the API takes its logs along; the export and its filter follow", async () => {
  expect((await manager.patch(`/api/workorders/${woId}`, { workCenterId: assembly })).status).toBe(200);
  expect(await logCenters()).toEqual([assembly, assembly]);
  expect(await byCenter()).toEqual([
    ["Assembly", "60", "35"],
    ["Total", "60", "35"],
  ]);
  expect(await byCenter(assembly)).toEqual([
    ["Assembly", "60", "35"],
    ["Total", "60", "35"],
  ]);
  expect(await byCenter(welding)).toEqual([["Total", "0", "0"]]);

  // Left without a center: the minutes stay, at no cost, under "(no work center)".
  expect((await manager.patch(`/api/workorders/${woId}`, { workCenterId: null })).status).toBe(200);
  expect(await logCenters()).toEqual([null, null]);
  expect(await byCenter()).toEqual([
    ["(no work center)", "60", "0"],
    ["Total", "60", "0"],
  ]);
});
