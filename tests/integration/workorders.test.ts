// Work orders over HTTP: planning (create, assign, transfer), reading (lists, detail, scan by code),
// execution (every transition allowed and refused, idempotent repeats, time logs) and comments.
import { startTestApp, type TestApp } from "../helpers/app";
import { Client, type ApiResponse } from "../helpers/client";

let app: TestApp;
let admin: Client;
let manager: Client;
let operator: Client;
let ids: { table: string; steel: string; welding: string; operator: string; manager: string; viewer: string };

const db = () => app.db.handle.prisma;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.as("ADMIN");
  manager = await app.as("MANAGER");
  operator = await app.as("OPERATOR");
  const bySku = Object.fromEntries((await db().product.findMany()).map((p) => [p.sku, p.id]));
  const byEmail = Object.fromEntries((await db().user.findMany()).map((u) => [u.email, u.id]));
  ids = {
    table: bySku["TABLE-100"]!,
    steel: bySku["STEEL-01"]!,
    welding: (await db().workCenter.findUniqueOrThrow({ where: { name: "Welding" } })).id,
    operator: byEmail["operator@demo.com"]!,
    manager: byEmail["manager@demo.com"]!,
    viewer: byEmail["viewer@demo.com"]!,
  };
});
afterAll(async () => {
  await app.close();
});

interface Wo {
  id: string;
  code: string;
  moId: string;
  sequence: number;
  title: string;
  description: string | null;
  status: string;
  assignedToId: string | null;
  startTime: string | null;
  endTime: string | null;
  durationMin: number | null;
  plannedMin: number | null;
  updatedAt: string;
  assignee: { id: string; name: string } | null;
  workCenter: { id: string; name: string } | null;
  mo: { id: string; orderNo: string; name: string; state: string };
}
interface WoDetail extends Wo {
  product: { id: string; sku: string };
  parts: { sku: string; qtyPerUnit: number; required: number }[];
  timeLogs: { userId: string; startedAt: string; endedAt: string | null; user: { id: string; name: string } }[];
  comments: { content: string; kind: string; author: { id: string; name: string } }[];
}
interface Page<T> {
  items: T[];
  total: number;
}
interface Mo {
  id: string;
  orderNo: string;
  state: string;
  workOrders: Wo[];
}

let n = 0;
async function newMo(quantity = 1): Promise<Mo> {
  const res = await manager.post<Mo>("/api/mos", { name: `WO test ${++n}`, productId: ids.table, quantity });
  expect(res.status).toBe(201);
  return res.body;
}

/** A signed-in operator who is not the demo one (created through the API). */
async function newOperator(): Promise<{ id: string; client: Client }> {
  const email = `op-${Date.now()}-${++n}@example.com`;
  const res = await admin.post<{ id: string }>("/api/users", { name: `Operator ${n}`, email, role: "OPERATOR", password: "Operator-pass-1" });
  expect(res.status).toBe(201);
  return { id: res.body.id, client: await new Client(app.url).signInOrThrow(email, "Operator-pass-1") };
}

function expectError(res: ApiResponse, status: number, code: string) {
  expect({ status: res.status, code: (res.body as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
  expect(res.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
}

/** Everything a WO request could write, for "nothing changed" assertions. */
async function snapshot(woId?: string) {
  const p = db();
  const [wos, audits, notifications, logs, comments, entries, mos, wo] = await Promise.all([
    p.workOrder.count(),
    p.auditLog.count(),
    p.notification.count(),
    p.workOrderTimeLog.findMany({ orderBy: { id: "asc" } }),
    p.comment.count(),
    p.stockEntry.count(),
    p.manufacturingOrder.findMany({ orderBy: { id: "asc" }, select: { id: true, state: true, updatedAt: true } }),
    woId ? p.workOrder.findUnique({ where: { id: woId } }) : null,
  ]);
  return { wos, audits, notifications, logs, comments, entries, mos, wo };
}

/** Drives a fresh WO (the first of a new two-WO MO) into a status, acting as `who`. */
async function woIn(status: "PENDING" | "STARTED" | "PAUSED" | "COMPLETED", who: Client = manager): Promise<Wo> {
  const mo = await newMo();
  const wo = mo.workOrders[0]!;
  const steps = { PENDING: [], STARTED: ["start"], PAUSED: ["start", "pause"], COMPLETED: ["start", "complete"] }[status];
  for (const s of steps) {
    const res = await who.post(`/api/workorders/${wo.id}/${s}`);
    expect({ step: s, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ step: s, status: 200, body: null });
  }
  return (await manager.get<Page<Wo>>(`/api/mos/${mo.id}/workorders`)).body.items.find((w) => w.id === wo.id)!;
}

/** Pauses whatever the manager left running, so the one-running-WO-per-person rule starts clean. */
async function pauseManagersWork() {
  const open = await db().workOrderTimeLog.findMany({ where: { userId: ids.manager, endedAt: null }, select: { workOrderId: true } });
  for (const l of open) expect((await manager.post(`/api/workorders/${l.workOrderId}/pause`)).status).toBe(200);
}

describe("POST /api/mos/:id/workorders", () => {
  test("adds a PENDING WO after the last one, with a code; the assignee is notified", async () => {
    const mo = await newMo();
    const before = await db().notification.count({ where: { userId: ids.operator, type: "wo.assigned" } });
    const res = await manager.post<Wo>(`/api/mos/${mo.id}/workorders`, { title: "Paint", description: "Two coats", assignedToId: ids.operator, workCenterId: ids.welding, plannedMin: 12.5 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sequence: 3, status: "PENDING", title: "Paint", description: "Two coats", plannedMin: 12.5, assignee: { id: ids.operator }, workCenter: { id: ids.welding, name: "Welding" }, mo: { id: mo.id, orderNo: mo.orderNo, state: "PLANNED" } });
    expect(res.body.code).toMatch(/^WO-\d{6}$/);
    expect(await db().notification.count({ where: { userId: ids.operator, type: "wo.assigned" } })).toBe(before + 1);
    expect(await db().auditLog.count({ where: { entityId: res.body.id, action: "wo.create" } })).toBe(1);
    const next = await manager.post<Wo>(`/api/mos/${mo.id}/workorders`, { title: "Pack" });
    expect(next.body).toMatchObject({ sequence: 4, assignee: null, workCenter: null });
  });

  test("the assignee must be an active operator, manager or admin; the work center must exist (400, nothing written)", async () => {
    const mo = await newMo();
    const inactive = await db().user.create({ data: { name: "Gone", email: `gone-${Date.now()}@example.com`, role: "OPERATOR", active: false } });
    const closedCenter = await db().workCenter.create({ data: { name: `Closed ${Date.now()}`, active: false } });
    const before = await snapshot();
    for (const body of [
      { title: "x", assignedToId: ids.viewer },
      { title: "x", assignedToId: inactive.id },
      { title: "x", assignedToId: "00000000-0000-4000-8000-000000000000" },
      { title: "x", workCenterId: "00000000-0000-4000-8000-000000000000" },
      { title: "x", workCenterId: closedCenter.id },
    ]) {
      expectError(await manager.post(`/api/mos/${mo.id}/workorders`, body), 400, "VALIDATION_FAILED");
    }
    expect(await snapshot()).toEqual(before);
    const ok = await manager.post<Wo>(`/api/mos/${mo.id}/workorders`, { title: "by the manager", assignedToId: ids.manager });
    expect(ok.status).toBe(201);
  });

  test("DONE and CANCELED MOs take no new WOs (409); an unknown MO is 404", async () => {
    const done = await newMo();
    await manager.post(`/api/mos/${done.id}/complete`, { producedQty: 0 });
    const canceled = await newMo();
    await manager.post(`/api/mos/${canceled.id}/cancel`);
    const before = await snapshot();
    expectError(await manager.post(`/api/mos/${done.id}/workorders`, { title: "late" }), 409, "INVALID_STATE");
    expectError(await manager.post(`/api/mos/${canceled.id}/workorders`, { title: "late" }), 409, "INVALID_STATE");
    expectError(await manager.post("/api/mos/00000000-0000-4000-8000-000000000000/workorders", { title: "x" }), 404, "NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });

  test.each<[string, unknown]>([
    ["no title", { description: "x" }],
    ["an empty title", { title: "" }],
    ["a blank title", { title: "  " }],
    ["a numeric title", { title: 3 }],
    ["an unknown field", { title: "x", assignee: "me" }],
    ["an assignee that is no id", { title: "x", assignedToId: "operator@demo.com" }],
    ["zero planned minutes", { title: "x", plannedMin: 0 }],
    ["negative planned minutes", { title: "x", plannedMin: -5 }],
    ["planned minutes as a string", { title: "x", plannedMin: "5" }],
    ["an empty description", { title: "x", description: "" }],
    ["an array", [{ title: "x" }]],
    ["no body", undefined],
  ])("refuses %s with 400 and writes nothing", async (_label, body) => {
    const mo = await newMo();
    const before = await snapshot();
    expectError(await manager.post(`/api/mos/${mo.id}/workorders`, body), 400, "VALIDATION_FAILED");
    expect(await snapshot()).toEqual(before);
  });

  test("malformed JSON is 400", async () => {
    const mo = await newMo();
    const before = await snapshot();
    expectError(await manager.raw("POST", `/api/mos/${mo.id}/workorders`, { body: "{title:", headers: { "content-type": "application/json" } }), 400, "VALIDATION_FAILED");
    expect(await snapshot()).toEqual(before);
  });
});

describe("GET /api/workorders and /api/mos/:id/workorders", () => {
  test("filters by status (one or a list), mine, MO and assignee", async () => {
    const mo = await newMo();
    const [a, b] = mo.workOrders as [Wo, Wo];
    await manager.patch(`/api/workorders/${b.id}`, { assignedToId: ids.operator });
    await manager.post(`/api/workorders/${a.id}/start`);
    try {
      const all = await manager.get<Page<Wo>>(`/api/workorders?moId=${mo.id}`);
      expect(all.body.items.map((w) => w.id)).toEqual([a.id, b.id]);
      expect(all.body.items[0]).toMatchObject({ code: a.code, status: "STARTED", mo: { id: mo.id, orderNo: mo.orderNo, name: expect.any(String), state: "IN_PROGRESS" }, workCenter: { name: "Welding" }, assignee: null });
      expect(all.body.items[0]!.startTime).not.toBeNull();
      expect((await manager.get<Page<Wo>>(`/api/workorders?moId=${mo.id}&status=STARTED`)).body.items.map((w) => w.id)).toEqual([a.id]);
      expect((await manager.get<Page<Wo>>(`/api/workorders?moId=${mo.id}&status=pending,started`)).body.total).toBe(2);
      expect((await manager.get<Page<Wo>>(`/api/workorders?moId=${mo.id}&status=COMPLETED`)).body.total).toBe(0);
      expect((await manager.get<Page<Wo>>(`/api/workorders?moId=${mo.id}&assignedToId=${ids.operator}`)).body.items.map((w) => w.id)).toEqual([b.id]);
      expect((await manager.get<Page<Wo>>(`/api/workorders?moId=${mo.id}&mine=1`)).body.total).toBe(0);
      expect((await operator.get<Page<Wo>>(`/api/workorders?moId=${mo.id}&mine=1`)).body.items.map((w) => w.id)).toEqual([b.id]);

      const ofMo = await manager.get<Page<Wo>>(`/api/mos/${mo.id}/workorders`);
      expect(ofMo.body.items.map((w) => w.sequence)).toEqual([1, 2]);
      expect((await manager.get<Page<Wo>>(`/api/mos/${mo.id}/workorders?status=STARTED`)).body.items.map((w) => w.id)).toEqual([a.id]);
    } finally {
      await pauseManagersWork();
    }
  });

  test("an operator only ever gets their own WOs, whatever the query", async () => {
    const mine = await operator.get<Page<Wo>>("/api/workorders?pageSize=200");
    expect(mine.body.total).toBe(await db().workOrder.count({ where: { assignedToId: ids.operator } }));
    expect(mine.body.items.every((w) => w.assignedToId === ids.operator)).toBe(true);
    expect((await operator.get<Page<Wo>>(`/api/workorders?assignedToId=${ids.manager}`)).body.total).toBe(0);

    const mo = await newMo();
    await manager.patch(`/api/workorders/${mo.workOrders[0]!.id}`, { assignedToId: ids.operator });
    const ofMo = await operator.get<Page<Wo>>(`/api/mos/${mo.id}/workorders`);
    expect(ofMo.body.items.map((w) => w.id)).toEqual([mo.workOrders[0]!.id]);
    const other = await newMo();
    expectError(await operator.get(`/api/mos/${other.id}/workorders`), 404, "NOT_FOUND");
  });

  test.each(["status=DONE", "mine=yes", "moId=MO-000001", "assignedToId=me", "pageSize=201", "sort=code"])("refuses ?%s with 400", async (qs) => {
    expectError(await manager.get(`/api/workorders?${qs}`), 400, "VALIDATION_FAILED");
  });
});

describe("GET /api/workorders/:id", () => {
  test("shows the MO summary, product, parts for the MO quantity, time logs and comments; by id or scanned code", async () => {
    const mo = await newMo(4);
    const wo = mo.workOrders[0]!;
    await manager.post(`/api/workorders/${wo.id}/start`);
    await manager.post(`/api/workorders/${wo.id}/pause`);
    await manager.post(`/api/workorders/${wo.id}/comments`, { content: "Saw blade dull" });
    const res = await manager.get<WoDetail>(`/api/workorders/${wo.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: wo.id, code: wo.code, status: "PAUSED", mo: { id: mo.id, orderNo: mo.orderNo, state: "IN_PROGRESS", quantity: 4 }, product: { id: ids.table, sku: "TABLE-100" } });
    expect(res.body.parts.map((p) => [p.sku, p.qtyPerUnit, p.required])).toEqual([
      ["SCR-01", 20, 80],
      ["STEEL-01", 2, 8],
    ]);
    expect(res.body.timeLogs).toEqual([expect.objectContaining({ userId: ids.manager, user: { id: ids.manager, name: "Maria Manager" }, endedAt: expect.any(String) })]);
    expect(res.body.comments).toEqual([expect.objectContaining({ content: "Saw blade dull", kind: "COMMENT", author: { id: ids.manager, name: "Maria Manager" } })]);

    for (const code of [wo.code, wo.code.toLowerCase()]) {
      const scanned = await manager.get<WoDetail>(`/api/workorders/${code}`);
      expect(scanned.status).toBe(200);
      expect(scanned.body.id).toBe(wo.id);
    }
  });

  test("an operator reads their own WO (also by code) and gets 404 for anyone else's; bad refs are 400, unknown 404", async () => {
    const mo = await newMo();
    const [mine, other] = mo.workOrders as [Wo, Wo];
    await manager.patch(`/api/workorders/${mine.id}`, { assignedToId: ids.operator });
    expect((await operator.get(`/api/workorders/${mine.code}`)).status).toBe(200);
    expectError(await operator.get(`/api/workorders/${other.id}`), 404, "NOT_FOUND");
    expectError(await operator.get(`/api/workorders/${other.code}`), 404, "NOT_FOUND");
    expectError(await manager.get("/api/workorders/WO-999999"), 404, "NOT_FOUND");
    expectError(await manager.get("/api/workorders/not-a-wo"), 400, "VALIDATION_FAILED");
    expectError(await manager.get("/api/workorders/MO-000001"), 400, "VALIDATION_FAILED");
  });
});

describe("PATCH /api/workorders/:id", () => {
  test("assigns, transfers and unassigns, notifying the new and the previous assignee", async () => {
    const other = await newOperator();
    const mo = await newMo();
    const wo = mo.workOrders[0]!;
    const count = (userId: string, type: string) => db().notification.count({ where: { userId, type } });

    const assigned = await manager.patch<Wo>(`/api/workorders/${wo.id}`, { assignedToId: ids.operator });
    expect(assigned.body.assignee).toMatchObject({ id: ids.operator, name: "Otto Operator" });
    expect(await count(ids.operator, "wo.assigned")).toBeGreaterThan(0);
    const before = { opAssigned: await count(ids.operator, "wo.assigned"), opAway: await count(ids.operator, "wo.transferred"), otherAssigned: await count(other.id, "wo.assigned") };

    const transferred = await manager.patch<Wo>(`/api/workorders/${wo.code}`, { assignedToId: other.id });
    expect(transferred.body.assignedToId).toBe(other.id);
    expect(await count(other.id, "wo.assigned")).toBe(before.otherAssigned + 1);
    expect(await count(ids.operator, "wo.transferred")).toBe(before.opAway + 1);
    expect(await count(ids.operator, "wo.assigned")).toBe(before.opAssigned);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: wo.id, action: "wo.assign" }, orderBy: { id: "desc" } });
    expect(audit.payload).toMatchObject({ from: ids.operator, to: other.id });

    const unassigned = await manager.patch<Wo>(`/api/workorders/${wo.id}`, { assignedToId: null });
    expect(unassigned.body).toMatchObject({ assignedToId: null, assignee: null });
    expect(await count(other.id, "wo.transferred")).toBe(1);
  });

  test("edits title, description, work center and planned minutes; equal values write nothing", async () => {
    const mo = await newMo();
    const wo = mo.workOrders[1]!;
    const res = await manager.patch<Wo>(`/api/workorders/${wo.id}`, { title: "Final assembly", description: "Use the jig", workCenterId: null, plannedMin: 42 });
    expect(res.body).toMatchObject({ title: "Final assembly", description: "Use the jig", workCenter: null, plannedMin: 42 });
    expect((await db().auditLog.findFirstOrThrow({ where: { entityId: wo.id, action: "wo.update" } })).payload).toMatchObject({ title: { from: "Assembly", to: "Final assembly" } });
    const before = await snapshot(wo.id);
    const same = await manager.patch<Wo>(`/api/workorders/${wo.id}`, { title: "Final assembly", plannedMin: 42, workCenterId: null });
    expect(same.status).toBe(200);
    expect(await snapshot(wo.id)).toEqual(before);
  });

  test("a STARTED WO cannot change hands, a COMPLETED one cannot change at all (409, nothing written)", async () => {
    const started = await woIn("PENDING");
    await manager.patch(`/api/workorders/${started.id}`, { assignedToId: ids.manager });
    expect((await manager.post(`/api/workorders/${started.id}/start`)).status).toBe(200);
    try {
      const before = await snapshot(started.id);
      expectError(await manager.patch(`/api/workorders/${started.id}`, { assignedToId: ids.operator }), 409, "INVALID_STATE");
      expectError(await manager.patch(`/api/workorders/${started.id}`, { assignedToId: null }), 409, "INVALID_STATE");
      expect(await snapshot(started.id)).toEqual(before);
      expect((await manager.patch(`/api/workorders/${started.id}`, { title: "Renamed while running" })).status).toBe(200);
    } finally {
      await pauseManagersWork();
    }
    expect((await manager.patch(`/api/workorders/${started.id}`, { assignedToId: ids.operator })).status).toBe(200); // paused: fine

    const completed = await woIn("COMPLETED");
    const before = await snapshot(completed.id);
    expectError(await manager.patch(`/api/workorders/${completed.id}`, { title: "x" }), 409, "INVALID_STATE");
    expect(await snapshot(completed.id)).toEqual(before);
  });

  test.each<[string, unknown]>([
    ["an empty object", {}],
    ["an unknown field", { status: "COMPLETED" }],
    ["an empty title", { title: "" }],
    ["a null title", { title: null }],
    ["zero planned minutes", { plannedMin: 0 }],
    ["negative planned minutes", { plannedMin: -1 }],
    ["an assignee that is no id", { assignedToId: 5 }],
    ["a viewer as assignee", { assignedToId: "VIEWER" }],
    ["an array", []],
  ])("refuses %s with 400 and writes nothing", async (_label, body) => {
    const mo = await newMo();
    const wo = mo.workOrders[0]!;
    const before = await snapshot(wo.id);
    const json = body && typeof body === "object" && (body as { assignedToId?: unknown }).assignedToId === "VIEWER" ? { assignedToId: ids.viewer } : body;
    expectError(await manager.patch(`/api/workorders/${wo.id}`, json), 400, "VALIDATION_FAILED");
    expect(await snapshot(wo.id)).toEqual(before);
  });
});

type Action = "start" | "pause" | "complete";
type Status = "PENDING" | "STARTED" | "PAUSED" | "COMPLETED";

describe("WO transitions", () => {
  afterEach(pauseManagersWork);

  // [from, action, expected]: a new status, "same" (an idempotent repeat), or 409.
  const table: [Status, Action, Status | "same" | 409][] = [
    ["PENDING", "start", "STARTED"],
    ["PENDING", "pause", 409],
    ["PENDING", "complete", 409],
    ["STARTED", "start", "same"],
    ["STARTED", "pause", "PAUSED"],
    ["STARTED", "complete", "COMPLETED"],
    ["PAUSED", "start", "STARTED"],
    ["PAUSED", "pause", "same"],
    ["PAUSED", "complete", "COMPLETED"],
    ["COMPLETED", "start", 409],
    ["COMPLETED", "pause", 409],
    ["COMPLETED", "complete", "same"],
  ];
  test.each(table)("%s + %s → %s", async (from, action, expected) => {
    const wo = await woIn(from);
    const before = await snapshot(wo.id);
    const res = await manager.post<Wo>(`/api/workorders/${wo.id}/${action}`);
    if (expected === 409) {
      expectError(res, 409, "INVALID_STATE");
      expect(await snapshot(wo.id)).toEqual(before);
      return;
    }
    expect(res.status).toBe(200);
    if (expected === "same") {
      expect(res.body).toEqual(wo);
      expect(await snapshot(wo.id)).toEqual(before); // no audit, no time log change, no updatedAt change
      return;
    }
    expect(res.body.status).toBe(expected);
    const after = await snapshot(wo.id);
    expect(after.audits).toBe(before.audits + (from === "PENDING" ? 2 : 1)); // the first start also starts the MO
    const logs = await db().workOrderTimeLog.findMany({ where: { workOrderId: wo.id }, orderBy: { startedAt: "asc" } });
    const open = logs.filter((l) => l.endedAt === null);
    expect(open.length).toBe(expected === "STARTED" ? 1 : 0);
    if (expected === "STARTED") expect(open[0]!.userId).toBe(ids.manager);
    const row = await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } });
    if (from === "PAUSED" && expected === "STARTED") expect(row.startTime).toEqual(before.wo!.startTime); // first start only
    if (expected === "COMPLETED") {
      expect(row.endTime).not.toBeNull();
      expect(row.durationMin).not.toBeNull();
    }
  });

  test("time logs exclude pauses: durationMin is the sum of the worked stretches (4 decimals)", async () => {
    const wo = await woIn("PENDING");
    for (const s of ["start", "pause", "start", "pause"]) expect((await manager.post(`/api/workorders/${wo.id}/${s}`)).status).toBe(200);
    const logs = await db().workOrderTimeLog.findMany({ where: { workOrderId: wo.id }, orderBy: { startedAt: "asc" } });
    expect(logs.length).toBe(2);
    // 10 min of work, a 60 min break, then 5 min 20.5 s of work.
    const t0 = new Date("2030-03-01T08:00:00Z").getTime();
    await db().workOrderTimeLog.update({ where: { id: logs[0]!.id }, data: { startedAt: new Date(t0), endedAt: new Date(t0 + 10 * 60_000) } });
    await db().workOrderTimeLog.update({ where: { id: logs[1]!.id }, data: { startedAt: new Date(t0 + 70 * 60_000), endedAt: new Date(t0 + 75 * 60_000 + 20_500) } });
    const res = await manager.post<Wo>(`/api/workorders/${wo.id}/complete`);
    expect(res.body).toMatchObject({ status: "COMPLETED", durationMin: 15.3417 });
    expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).durationMin?.toString()).toBe("15.3417");
  });

  test("the first start moves the MO to IN_PROGRESS (startedAt, audit); later starts leave it", async () => {
    const mo = await newMo();
    const [a, b] = mo.workOrders as [Wo, Wo];
    const res = await manager.post<Wo>(`/api/workorders/${a.id}/start`);
    expect(res.body.mo.state).toBe("IN_PROGRESS");
    const row = await db().manufacturingOrder.findUniqueOrThrow({ where: { id: mo.id } });
    expect(row.state).toBe("IN_PROGRESS");
    expect(row.startedAt).not.toBeNull();
    expect(await db().auditLog.count({ where: { entityId: mo.id, action: "mo.start" } })).toBe(1);
    await manager.post(`/api/workorders/${a.id}/pause`);
    await manager.post(`/api/workorders/${b.id}/start`);
    expect(await db().auditLog.count({ where: { entityId: mo.id, action: "mo.start" } })).toBe(1);
    expect((await db().manufacturingOrder.findUniqueOrThrow({ where: { id: mo.id } })).startedAt).toEqual(row.startedAt);
  });

  test("nothing starts on a DONE or CANCELED MO (409, nothing written)", async () => {
    const done = await newMo();
    await manager.post(`/api/mos/${done.id}/complete`, { producedQty: 0 });
    const canceled = await newMo();
    await manager.post(`/api/mos/${canceled.id}/cancel`);
    for (const mo of [done, canceled]) {
      const wo = mo.workOrders[0]!;
      const before = await snapshot(wo.id);
      expectError(await manager.post(`/api/workorders/${wo.id}/start`), 409, "INVALID_STATE");
      expectError(await manager.post(`/api/workorders/${wo.id}/complete`), 409, "INVALID_STATE");
      expect(await snapshot(wo.id)).toEqual(before);
    }
  });

  test("a person runs one WO at a time: starting a second is 409 until the first is paused", async () => {
    const first = await woIn("STARTED");
    const second = await woIn("PENDING");
    const before = await snapshot(second.id);
    const res = await manager.post(`/api/workorders/${second.id}/start`);
    expectError(res, 409, "INVALID_STATE");
    expect((res.body as { error: { details: { workOrder: { code: string } } } }).error.details.workOrder.code).toBe(first.code);
    expect(await snapshot(second.id)).toEqual(before);
    await manager.post(`/api/workorders/${first.id}/pause`);
    expect((await manager.post<Wo>(`/api/workorders/${second.id}/start`)).body.status).toBe("STARTED");
    // Someone else may start the first one meanwhile.
    const other = await newOperator();
    await manager.patch(`/api/workorders/${first.id}`, { assignedToId: other.id });
    expect((await other.client.post<Wo>(`/api/workorders/${first.id}/start`)).body.status).toBe("STARTED");
    await other.client.post(`/api/workorders/${first.id}/pause`);
  });

  test("operators execute only WOs assigned to them (404 otherwise, unassigned included); roles without wo:execute get 403", async () => {
    const mo = await newMo();
    const [mine, unassigned] = mo.workOrders as [Wo, Wo];
    const other = await newOperator();
    await manager.patch(`/api/workorders/${mine.id}`, { assignedToId: other.id });
    const before = await snapshot();
    for (const action of ["start", "pause", "complete"]) {
      expectError(await operator.post(`/api/workorders/${mine.id}/${action}`), 404, "NOT_FOUND");
      expectError(await operator.post(`/api/workorders/${unassigned.id}/${action}`), 404, "NOT_FOUND");
      expectError(await (await app.as("INVENTORY")).post(`/api/workorders/${mine.id}/${action}`), 403, "FORBIDDEN");
      expectError(await (await app.as("VIEWER")).post(`/api/workorders/${mine.id}/${action}`), 403, "FORBIDDEN");
    }
    expect(await snapshot()).toEqual(before);
    const started = await other.client.post<Wo>(`/api/workorders/${mine.code}/start`); // scanned
    expect(started.body).toMatchObject({ id: mine.id, status: "STARTED" });
    expect((await other.client.post<Wo>(`/api/workorders/${mine.id}/pause`)).body.status).toBe("PAUSED");
  });

  test("transitions take no body: `{}` is fine, anything else is 400 and writes nothing", async () => {
    const wo = await woIn("PENDING");
    const before = await snapshot(wo.id);
    expectError(await manager.post(`/api/workorders/${wo.id}/start`, { force: true }), 400, "VALIDATION_FAILED");
    expectError(await manager.post(`/api/workorders/${wo.id}/start`, []), 400, "VALIDATION_FAILED");
    expectError(await manager.post(`/api/workorders/${wo.id}/start`, null), 400, "VALIDATION_FAILED");
    expectError(await manager.raw("POST", `/api/workorders/${wo.id}/start`, { body: "{", headers: { "content-type": "application/json" } }), 400, "VALIDATION_FAILED");
    expectError(await manager.post("/api/workorders/nope/start"), 400, "VALIDATION_FAILED");
    expectError(await manager.post("/api/workorders/00000000-0000-4000-8000-000000000000/start"), 404, "NOT_FOUND");
    expect(await snapshot(wo.id)).toEqual(before);
    expect((await manager.post<Wo>(`/api/workorders/${wo.id}/start`, {})).body.status).toBe("STARTED");
  });
});

describe("comments", () => {
  test("anyone who may read the WO lists its comments; an ISSUE notifies the managers", async () => {
    const mo = await newMo();
    const wo = mo.workOrders[0]!;
    await manager.patch(`/api/workorders/${wo.id}`, { assignedToId: ids.operator });
    const managers = await db().user.count({ where: { role: "MANAGER", active: true } });
    const before = await db().notification.count({ where: { type: "wo.issue" } });

    const c1 = await operator.post<{ id: string; kind: string; author: { id: string } }>(`/api/workorders/${wo.code}/comments`, { content: "  All good  " });
    expect(c1.status).toBe(201);
    expect(c1.body).toMatchObject({ kind: "COMMENT", content: "All good", author: { id: ids.operator } });
    expect(await db().notification.count({ where: { type: "wo.issue" } })).toBe(before);
    const c2 = await operator.post(`/api/workorders/${wo.id}/comments`, { content: "Weld seam cracked", kind: "ISSUE" });
    expect(c2.status).toBe(201);
    expect(await db().notification.count({ where: { type: "wo.issue" } })).toBe(before + managers);
    expect(await db().auditLog.count({ where: { entityId: wo.id, action: "wo.comment" } })).toBe(2);

    const list = await (await app.as("VIEWER")).get<Page<{ content: string; kind: string }>>(`/api/workorders/${wo.id}/comments`);
    expect(list.body.items.map((c) => [c.content, c.kind])).toEqual([
      ["All good", "COMMENT"],
      ["Weld seam cracked", "ISSUE"],
    ]);
    expect((await operator.get<Page<unknown>>(`/api/workorders/${wo.id}/comments?pageSize=1&page=2`)).body).toMatchObject({ total: 2, items: [expect.objectContaining({ kind: "ISSUE" })] });
  });

  test("operators comment on and read only their own WOs (404); roles without wo:comment get 403", async () => {
    const mo = await newMo();
    const wo = mo.workOrders[0]!;
    const before = await snapshot();
    expectError(await operator.post(`/api/workorders/${wo.id}/comments`, { content: "not mine" }), 404, "NOT_FOUND");
    expectError(await operator.get(`/api/workorders/${wo.id}/comments`), 404, "NOT_FOUND");
    expectError(await (await app.as("SALES")).post(`/api/workorders/${wo.id}/comments`, { content: "x" }), 403, "FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });

  test.each<[string, unknown]>([
    ["no content", { kind: "ISSUE" }],
    ["empty content", { content: "" }],
    ["blank content", { content: "   " }],
    ["content over 2000 characters", { content: "x".repeat(2001) }],
    ["numeric content", { content: 42 }],
    ["an unknown kind", { content: "x", kind: "ALARM" }],
    ["an unknown field", { content: "x", urgent: true }],
    ["an array", ["x"]],
  ])("refuses %s with 400 and writes nothing", async (_label, body) => {
    const wo = (await newMo()).workOrders[0]!;
    const before = await snapshot();
    expectError(await manager.post(`/api/workorders/${wo.id}/comments`, body), 400, "VALIDATION_FAILED");
    expect(await snapshot()).toEqual(before);
  });
});
