// Pause reasons over HTTP: the seeded defaults, the admin's list (add, rename, reorder, deactivate),
// and a pause that keeps its reason as a pause row (opened on pause, ended on resume or completion).
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client } from "../helpers/client";

let app: TestApp;
let admin: Client;
let manager: Client;
let operator: Client;
let table: string;
const db = () => app.db.handle.prisma;

interface Reason {
  id: string;
  code: string;
  name: string;
  active: boolean;
  sortOrder: number;
}
interface Page<T> {
  items: T[];
  total: number;
}

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.as("ADMIN");
  manager = await app.as("MANAGER");
  operator = await app.as("OPERATOR");
  table = (await db().product.findUniqueOrThrow({ where: { sku: "TABLE-100" } })).id;
});
afterAll(async () => {
  await app.close();
});

function expectError(res: ApiResponse, status: number, code: string) {
  expect({ status: res.status, code: (res.body as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}

let n = 0;
async function startedWo(): Promise<{ id: string; code: string; moId: string }> {
  const mo = await manager.post<{ id: string; workOrders: { id: string; code: string }[] }>("/api/mos", { name: `Pause test ${++n}`, productId: table, quantity: 1 });
  expect(mo.status).toBe(201);
  const wo = mo.body.workOrders[0]!;
  expect((await manager.post(`/api/workorders/${wo.id}/start`)).status).toBe(200);
  return { ...wo, moId: mo.body.id };
}

test("the six defaults are seeded in picker order and every signed-in role may read them", async () => {
  const res = await operator.get<Page<Reason>>("/api/pause-reasons?active=true");
  expect(res.status).toBe(200);
  expect(res.body.items.map((r) => r.code)).toEqual(["SETUP", "MATERIAL", "BREAKDOWN", "QUALITY", "BREAK", "OTHER"]);
  expect(res.body.total).toBe(6);
  expect((await app.anon().get("/api/pause-reasons")).status).toBe(401);
});

test("an admin adds, renames, reorders and deactivates a reason; codes are unique and upper-cased; others may not", async () => {
  const created = await admin.post<Reason>("/api/pause-reasons", { code: "tool_change", name: "Tool change" });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ code: "TOOL_CHANGE", name: "Tool change", active: true, sortOrder: 70 });
  expectError(await admin.post("/api/pause-reasons", { code: "TOOL_CHANGE", name: "Again" }), 409, "CONFLICT");
  expectError(await admin.post("/api/pause-reasons", { code: "9X", name: "Bad code" }), 400, "VALIDATION_FAILED");
  expectError(await admin.post("/api/pause-reasons", { code: "X", name: "" }), 400, "VALIDATION_FAILED");
  expectError(await manager.post("/api/pause-reasons", { code: "NOPE", name: "Nope" }), 403, "FORBIDDEN");
  expectError(await manager.patch(`/api/pause-reasons/${created.body.id}`, { name: "x" }), 403, "FORBIDDEN");
  expectError(await admin.patch(`/api/pause-reasons/${created.body.id}`, { code: "OTHER_CODE" }), 400, "VALIDATION_FAILED");
  expectError(await admin.patch(`/api/pause-reasons/${created.body.id}`, {}), 400, "VALIDATION_FAILED");
  expectError(await admin.patch(`/api/pause-reasons/00000000-0000-4000-8000-000000000000`, { name: "x" }), 404, "NOT_FOUND");

  const renamed = await admin.patch<Reason>(`/api/pause-reasons/${created.body.id}`, { name: "Tool or die change", sortOrder: 5 });
  expect(renamed.status).toBe(200);
  expect(renamed.body).toMatchObject({ code: "TOOL_CHANGE", name: "Tool or die change", sortOrder: 5 });
  expect((await operator.get<Page<Reason>>("/api/pause-reasons?active=true")).body.items[0]!.code).toBe("TOOL_CHANGE");

  // A pause with it is kept with it; once deactivated it is refused (400), and nothing is written.
  const wo = await startedWo();
  expect((await manager.post(`/api/workorders/${wo.id}/pause`, { reason: "tool_change" })).status).toBe(200);
  expect((await db().workOrderPause.findFirstOrThrow({ where: { workOrderId: wo.id }, include: { reason: true } })).reason.code).toBe("TOOL_CHANGE");
  expect((await admin.patch<Reason>(`/api/pause-reasons/${created.body.id}`, { active: false })).body.active).toBe(false);
  expect((await operator.get<Page<Reason>>("/api/pause-reasons?active=true")).body.items.map((r) => r.code)).not.toContain("TOOL_CHANGE");
  expect((await admin.get<Page<Reason>>("/api/pause-reasons?active=false")).body.items.map((r) => r.code)).toEqual(["TOOL_CHANGE"]);
  expect((await manager.post(`/api/workorders/${wo.id}/start`)).status).toBe(200);
  const before = await db().workOrderPause.count();
  const refused = await manager.post(`/api/workorders/${wo.id}/pause`, { reason: "TOOL_CHANGE" });
  expectError(refused, 400, "VALIDATION_FAILED");
  expect((refused.body as { error: { details: unknown } }).error.details).toEqual([expect.objectContaining({ path: "reason" })]);
  expectError(await manager.post(`/api/workorders/${wo.id}/pause`, { reason: "NO_SUCH" }), 400, "VALIDATION_FAILED");
  expectError(await manager.post(`/api/workorders/${wo.id}/pause`, { reason: "SETUP", extra: 1 }), 400, "VALIDATION_FAILED");
  expect(await db().workOrderPause.count()).toBe(before);
  expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).status).toBe("STARTED");

  const audits = await db().auditLog.findMany({ where: { entityType: "PauseReason", entityId: created.body.id }, orderBy: { createdAt: "asc" } });
  expect(audits.map((a) => a.action)).toEqual(["pausereason.create", "pausereason.update", "pausereason.update"]);
  expect((await manager.post(`/api/workorders/${wo.id}/complete`)).status).toBe(200);
});

test("a pause opens a pause row with its reason; resume ends it, a second pause opens another, completion ends the last", async () => {
  const wo = await startedWo();
  const paused = await manager.post<{ status: string }>(`/api/workorders/${wo.id}/pause`, { reason: "MATERIAL" });
  expect(paused.status).toBe(200);
  expect(paused.body.status).toBe("PAUSED");
  const open = await db().workOrderPause.findMany({ where: { workOrderId: wo.id }, include: { reason: true } });
  expect(open.map((p) => [p.reason.code, p.endedAt])).toEqual([["MATERIAL", null]]);
  const log = await db().workOrderTimeLog.findFirstOrThrow({ where: { workOrderId: wo.id } });
  expect(open[0]!.startedAt.getTime()).toBe(log.endedAt!.getTime());
  const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: wo.id, action: "wo.pause" } });
  expect(audit.payload).toMatchObject({ reason: "MATERIAL" });

  // A repeat of the pause changes nothing (even with another reason).
  expect((await manager.post(`/api/workorders/${wo.id}/pause`, { reason: "BREAK" })).status).toBe(200);
  expect(await db().workOrderPause.count({ where: { workOrderId: wo.id } })).toBe(1);

  expect((await manager.post(`/api/workorders/${wo.id}/start`)).status).toBe(200);
  const resumed = await db().workOrderPause.findFirstOrThrow({ where: { workOrderId: wo.id } });
  const second = await db().workOrderTimeLog.findFirstOrThrow({ where: { workOrderId: wo.id, endedAt: null } });
  expect(resumed.endedAt!.getTime()).toBe(second.startedAt.getTime());

  // Without a reason (older clients) the pause is OTHER.
  expect((await manager.post(`/api/workorders/${wo.id}/pause`)).status).toBe(200);
  expect((await manager.post(`/api/workorders/${wo.id}/complete`)).status).toBe(200);
  const all = await db().workOrderPause.findMany({ where: { workOrderId: wo.id }, include: { reason: true }, orderBy: { startedAt: "asc" } });
  expect(all.map((p) => p.reason.code)).toEqual(["MATERIAL", "OTHER"]);
  const done = await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } });
  expect(all[1]!.endedAt!.getTime()).toBe(done.endTime!.getTime());
});
