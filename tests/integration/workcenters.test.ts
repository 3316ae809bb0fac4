// Work centers API: list (paging, ?active=), create, read, update/deactivate, refusals, bad input.
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, ErrorBody } from "../helpers/client";

let app: TestApp;
let welding: string;
let n = 0;
const uniq = (p: string) => `${p} ${Date.now().toString(36)}-${n++}`;
const prisma = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp();
  welding = (await prisma().workCenter.findUniqueOrThrow({ where: { name: "Welding" } })).id;
});
afterAll(async () => {
  await app.close();
});

interface WorkCenterBody {
  id: string;
  name: string;
  description: string | null;
  costPerHour: number;
  capacity: number;
  active: boolean;
}
interface PageBody<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

function expectError(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as ErrorBody).error?.code }).toEqual({ status, code });
  expect(typeof (res.body as ErrorBody).error.message).toBe("string");
}

async function state() {
  return { audit: await prisma().auditLog.count(), centers: JSON.stringify(await prisma().workCenter.findMany({ orderBy: { id: "asc" } })) };
}

describe("create", () => {
  test("201 with trimmed name and an audit row; a duplicate name is 409 CONFLICT", async () => {
    const manager = await app.as("MANAGER");
    const name = uniq("Paint");
    const res = await manager.post<WorkCenterBody>("/api/workcenters", { name: `  ${name} `, description: "Spray booth", costPerHour: 52.75, capacity: 0 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name, description: "Spray booth", costPerHour: 52.75, capacity: 0, active: true });
    expect(await prisma().auditLog.count({ where: { entityId: res.body.id, action: "workcenter.create" } })).toBe(1);
    const before = await state();
    expectError(await manager.post("/api/workcenters", { name, costPerHour: 1, capacity: 1 }), 409, "CONFLICT");
    expect(await state()).toEqual(before);
  });

  test.each([
    ["missing name", { costPerHour: 1, capacity: 1 }],
    ["empty name", { name: "", costPerHour: 1, capacity: 1 }],
    ["blank name", { name: "   ", costPerHour: 1, capacity: 1 }],
    ["empty description", { name: "X", description: "", costPerHour: 1, capacity: 1 }],
    ["missing costPerHour", { name: "X", capacity: 1 }],
    ["negative costPerHour", { name: "X", costPerHour: -1, capacity: 1 }],
    ["costPerHour as string", { name: "X", costPerHour: "10", capacity: 1 }],
    ["costPerHour with 5 decimals", { name: "X", costPerHour: 1.23456, capacity: 1 }],
    ["negative capacity", { name: "X", costPerHour: 1, capacity: -1 }],
    ["fractional capacity", { name: "X", costPerHour: 1, capacity: 1.5 }],
    ["capacity as string", { name: "X", costPerHour: 1, capacity: "2" }],
    ["name as number", { name: 7, costPerHour: 1, capacity: 1 }],
    ["unknown field", { name: "X", costPerHour: 1, capacity: 1, location: "hall 2" }],
    ["null body", null],
  ])("bad input (%s) → 400 VALIDATION_FAILED, nothing written", async (_label, body) => {
    const manager = await app.as("MANAGER");
    const before = await state();
    expectError(await manager.post("/api/workcenters", body), 400, "VALIDATION_FAILED");
    expect(await state()).toEqual(before);
  });

  test("malformed JSON → 400; roles without workcenters:write → 403; signed out → 401; nothing written", async () => {
    const manager = await app.as("MANAGER");
    const before = await state();
    expectError(await manager.raw("POST", "/api/workcenters", { body: "{'name': 1}", headers: { "content-type": "application/json" } }), 400, "VALIDATION_FAILED");
    for (const role of ["OPERATOR", "INVENTORY", "SALES", "VIEWER"]) {
      expectError(await (await app.as(role)).post("/api/workcenters", { name: uniq("Nope"), costPerHour: 1, capacity: 1 }), 403, "FORBIDDEN");
    }
    expect((await app.anon().post("/api/workcenters", { name: uniq("Nope"), costPerHour: 1, capacity: 1 })).status).toBe(401);
    expect(await state()).toEqual(before);
  });
});

describe("list and read", () => {
  test("any signed-in user lists (paging, ?active=) and reads; 404 / 400 for bad ids", async () => {
    const manager = await app.as("MANAGER");
    const off = await manager.post<WorkCenterBody>("/api/workcenters", { name: uniq("Retired"), costPerHour: 0, capacity: 1 });
    expect((await manager.patch(`/api/workcenters/${off.body.id}`, { active: false })).status).toBe(200);

    const operator = await app.as("OPERATOR");
    const all = await operator.get<PageBody<WorkCenterBody>>("/api/workcenters");
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(await prisma().workCenter.count());
    const names = all.body.items.map((w) => w.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const active = await operator.get<PageBody<WorkCenterBody>>("/api/workcenters?active=true");
    expect(active.body.items.every((w) => w.active)).toBe(true);
    expect(active.body.items.map((w) => w.id)).not.toContain(off.body.id);
    const inactive = await operator.get<PageBody<WorkCenterBody>>("/api/workcenters?active=false");
    expect(inactive.body.items.map((w) => w.id)).toEqual([off.body.id]);
    const page = await operator.get<PageBody<WorkCenterBody>>("/api/workcenters?pageSize=1&page=2");
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: all.body.total });
    expect(page.body.items.map((w) => w.id)).toEqual([all.body.items[1]!.id]);

    const one = await (await app.as("SALES")).get<WorkCenterBody>(`/api/workcenters/${welding}`);
    expect(one.body).toMatchObject({ name: "Welding", costPerHour: 45, capacity: 2, active: true });
    expectError(await operator.get("/api/workcenters/00000000-0000-4000-8000-000000000000"), 404, "NOT_FOUND");
    expectError(await operator.get("/api/workcenters/welding"), 400, "VALIDATION_FAILED");
    for (const q of ["active=yes", "pageSize=0", "sort=name"]) expectError(await operator.get(`/api/workcenters?${q}`), 400, "VALIDATION_FAILED");
    expect((await app.anon().get("/api/workcenters")).status).toBe(401);
  });
});

describe("update", () => {
  test("changes fields and the active flag, audited; renaming onto another name is 409", async () => {
    const admin = await app.as("ADMIN");
    const wc = await admin.post<WorkCenterBody>("/api/workcenters", { name: uniq("Lathe"), costPerHour: 30, capacity: 1 });
    const res = await admin.patch<WorkCenterBody>(`/api/workcenters/${wc.body.id}`, { costPerHour: 31.5, capacity: 3, description: "CNC lathe", active: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ costPerHour: 31.5, capacity: 3, description: "CNC lathe", active: false });
    const audit = await prisma().auditLog.findFirst({ where: { entityId: wc.body.id, action: "workcenter.update" } });
    expect(audit?.payload).toMatchObject({ costPerHour: { from: 30, to: 31.5 }, active: { from: true, to: false } });
    expect((await admin.patch<WorkCenterBody>(`/api/workcenters/${wc.body.id}`, { description: null, active: true })).body).toMatchObject({ description: null, active: true });

    const before = await state();
    expectError(await admin.patch(`/api/workcenters/${wc.body.id}`, { name: "Welding" }), 409, "CONFLICT");
    expectError(await admin.patch("/api/workcenters/00000000-0000-4000-8000-000000000000", { capacity: 1 }), 404, "NOT_FOUND");
    expect(await state()).toEqual(before);
  });

  test.each([
    ["empty body", {}],
    ["empty name", { name: "" }],
    ["empty description", { description: "" }],
    ["active as string", { active: "false" }],
    ["negative costPerHour", { costPerHour: -0.01 }],
    ["fractional capacity", { capacity: 0.5 }],
    ["unknown field", { shift: "night" }],
  ])("bad input (%s) → 400, nothing written", async (_label, body) => {
    const manager = await app.as("MANAGER");
    const before = await state();
    expectError(await manager.patch(`/api/workcenters/${welding}`, body), 400, "VALIDATION_FAILED");
    expectError(await manager.raw("PATCH", `/api/workcenters/${welding}`, { body: "{", headers: { "content-type": "application/json" } }), 400, "VALIDATION_FAILED");
    expect(await state()).toEqual(before);
  });

  test("roles without workcenters:write get 403", async () => {
    const before = await state();
    for (const role of ["OPERATOR", "INVENTORY", "SALES", "VIEWER"]) {
      expectError(await (await app.as(role)).patch(`/api/workcenters/${welding}`, { capacity: 9 }), 403, "FORBIDDEN");
    }
    expect(await state()).toEqual(before);
  });
});
