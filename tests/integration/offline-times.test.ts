// The device time `at` of a shop-floor action (a tablet replaying what it queued offline): the server
// books it within its checks (lib/manufacturing/action-time.ts): not in the future beyond the clock
// skew, not older than 24 h, not before the WO's previous step, no overlap with the person's own work
// elsewhere; a refusal writes nothing; a replay with the same Idempotency-Key books nothing twice.
import { env } from "@/lib/env";
import { startTestApp, type TestApp } from "../helpers/app";
import { Client, type ApiResponse } from "../helpers/client";

let app: TestApp;
let admin: Client;
let manager: Client;
let table: string;
const db = () => app.db.handle.prisma;

interface Wo {
  id: string;
  code: string;
  sequence: number;
  status: string;
}

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.as("ADMIN");
  manager = await app.as("MANAGER");
  table = (await db().product.findUniqueOrThrow({ where: { sku: "TABLE-100" } })).id;
});
afterAll(async () => {
  await app.close();
});

const MIN = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms);

function atRefusal(res: ApiResponse): { status: number; code?: string; detail?: string; path?: string } {
  const err = (res.body as { error?: { code?: string; details?: { path?: string; code?: string }[] } }).error;
  return { status: res.status, code: err?.code, detail: err?.details?.[0]?.code, path: err?.details?.[0]?.path };
}

let n = 0;
/** A new MO of the demo table (a routing of several WOs) with a fresh operator assigned to all of them. */
async function newWos(): Promise<{ wos: Wo[]; op: Client; opId: string }> {
  const mo = await manager.post<{ workOrders: Wo[] }>("/api/mos", { name: `Offline ${++n}`, productId: table, quantity: 1 });
  expect(mo.status).toBe(201);
  const wos = [...mo.body.workOrders].sort((a, b) => a.sequence - b.sequence);
  const email = `offline-${Date.now()}-${n}@example.com`;
  const user = await admin.post<{ id: string }>("/api/users", { name: `Offline ${n}`, email, role: "OPERATOR", password: "Operator-pass-1" });
  expect(user.status).toBe(201);
  for (const w of wos) expect((await manager.patch(`/api/workorders/${w.id}`, { assignedToId: user.body.id })).status).toBe(200);
  return { wos, op: await new Client(app.url).signInOrThrow(email, "Operator-pass-1"), opId: user.body.id };
}

const logsOf = (woId: string) => db().workOrderTimeLog.findMany({ where: { workOrderId: woId }, orderBy: { startedAt: "asc" } });
const pausesOf = (woId: string) => db().workOrderPause.findMany({ where: { workOrderId: woId }, orderBy: { startedAt: "asc" } });

test("start, pause, resume and complete are booked at the device's times, and the worked minutes follow them", async () => {
  const { wos, op } = await newWos();
  const wo = wos[0]!;
  const t0 = ago(30 * MIN);
  const t1 = ago(20 * MIN);
  const t2 = ago(15 * MIN);
  const t3 = ago(5 * MIN);
  expect((await op.post(`/api/workorders/${wo.id}/start`, { at: t0.toISOString() })).status).toBe(200);
  expect((await op.post(`/api/workorders/${wo.id}/pause`, { reason: "MATERIAL", at: t1.toISOString() })).status).toBe(200);
  // Another offset than Z: the same instant.
  const t2Local = t2.toISOString().replace("Z", "+00:00");
  expect((await op.post(`/api/workorders/${wo.id}/start`, { at: t2Local })).status).toBe(200);
  const done = await op.post<{ status: string }>(`/api/workorders/${wo.id}/complete`, { at: t3.toISOString() });
  expect(done.status).toBe(200);
  expect(done.body.status).toBe("COMPLETED");

  const logs = await logsOf(wo.id);
  expect(logs.map((l) => [l.startedAt.toISOString(), l.endedAt?.toISOString()])).toEqual([
    [t0.toISOString(), t1.toISOString()],
    [t2.toISOString(), t3.toISOString()],
  ]);
  const pauses = await pausesOf(wo.id);
  expect(pauses.map((p) => [p.startedAt.toISOString(), p.endedAt?.toISOString()])).toEqual([[t1.toISOString(), t2.toISOString()]]);
  const row = await db().workOrder.findUniqueOrThrow({ where: { id: wo.id }, include: { mo: true } });
  expect(row.startTime?.toISOString()).toBe(t0.toISOString());
  expect(row.endTime?.toISOString()).toBe(t3.toISOString());
  expect(Number(row.durationMin)).toBeCloseTo(20, 3); // 10 + 10 minutes, the pause left out
  expect(row.mo.startedAt?.toISOString()).toBe(t0.toISOString());
});

test("a time in the future beyond the skew, before the previous step, more than 24 h ago, or not a date-time: 400, nothing written", async () => {
  const { wos, op } = await newWos();
  const wo = wos[0]!;
  const future = await op.post(`/api/workorders/${wo.id}/start`, { at: new Date(Date.now() + 5 * MIN).toISOString() });
  expect(atRefusal(future)).toEqual({ status: 400, code: "VALIDATION_FAILED", detail: "AT_IN_FUTURE", path: "at" });
  const old = await op.post(`/api/workorders/${wo.id}/start`, { at: ago(25 * 60 * MIN).toISOString() });
  expect(atRefusal(old)).toEqual({ status: 400, code: "VALIDATION_FAILED", detail: "AT_TOO_OLD", path: "at" });
  for (const at of ["yesterday", "2026-12-05", "2026-12-05T08:00:00", 1733385600000, "0000-01-01T00:00:00Z"]) {
    const res = await op.post(`/api/workorders/${wo.id}/start`, { at });
    expect({ at, status: res.status, path: atRefusal(res).path }).toEqual({ at, status: 400, path: "at" });
  }
  expect(await logsOf(wo.id)).toHaveLength(0);
  expect((await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } })).status).toBe("PENDING");

  const started = ago(10 * MIN);
  expect((await op.post(`/api/workorders/${wo.id}/start`, { at: started.toISOString() })).status).toBe(200);
  // The pause was tapped (by the device's clock) 5 minutes before the start the server already has.
  const before = await op.post(`/api/workorders/${wo.id}/pause`, { reason: "BREAK", at: ago(15 * MIN).toISOString() });
  expect(atRefusal(before)).toEqual({ status: 400, code: "VALIDATION_FAILED", detail: "AT_BEFORE_PREVIOUS", path: "at" });
  expect((before.body as { error: { details: { previous: string }[] } }).error.details[0]!.previous).toBe(started.toISOString());
  const after = await db().workOrder.findUniqueOrThrow({ where: { id: wo.id } });
  expect(after.status).toBe("STARTED");
  expect(await pausesOf(wo.id)).toHaveLength(0);
  expect((await logsOf(wo.id)).map((l) => l.endedAt)).toEqual([null]);
  // A comment has no previous step, but the clock checks hold.
  const comment = await op.post(`/api/workorders/${wo.id}/comments`, { content: "from the future", at: new Date(Date.now() + 10 * MIN).toISOString() });
  expect(atRefusal(comment)).toEqual({ status: 400, code: "VALIDATION_FAILED", detail: "AT_IN_FUTURE", path: "at" });
  expect(await db().comment.count({ where: { workOrderId: wo.id } })).toBe(0);
});

test("within the skew: a little ahead is booked as the server's now, a little before the previous step at that step", async () => {
  const { wos, op } = await newWos();
  const wo = wos[0]!;
  const sent = Date.now();
  expect((await op.post(`/api/workorders/${wo.id}/start`, { at: new Date(sent + 30_000).toISOString() })).status).toBe(200);
  const received = Date.now();
  const [log] = await logsOf(wo.id);
  expect(log!.startedAt.getTime()).toBeGreaterThanOrEqual(sent);
  expect(log!.startedAt.getTime()).toBeLessThanOrEqual(received);
  // 30 s before the start: a clock difference, booked at the start (a zero-length log, never a negative one).
  expect((await op.post(`/api/workorders/${wo.id}/pause`, { at: new Date(log!.startedAt.getTime() - 30_000).toISOString() })).status).toBe(200);
  const [closed] = await logsOf(wo.id);
  expect(closed!.endedAt?.toISOString()).toBe(log!.startedAt.toISOString());
});

test("a comment written offline keeps its time; a replay with the same Idempotency-Key adds nothing", async () => {
  const { wos, op } = await newWos();
  const wo = wos[0]!;
  const at = ago(7 * MIN).toISOString();
  const key = `offline-comment-${n}`;
  const first = await op.request<{ id: string; createdAt: string }>("POST", `/api/workorders/${wo.id}/comments`, { content: "Saw blade dull", at }, { "Idempotency-Key": key });
  expect(first.status).toBe(201);
  expect(first.body.createdAt).toBe(at);
  const again = await op.request<{ id: string }>("POST", `/api/workorders/${wo.id}/comments`, { content: "Saw blade dull", at }, { "Idempotency-Key": key });
  expect(again.status).toBe(201);
  expect(again.headers.get("idempotent-replayed")).toBe("true");
  expect(again.body.id).toBe(first.body.id);
  expect(await db().comment.count({ where: { workOrderId: wo.id } })).toBe(1);

  const startKey = `offline-start-${n}`;
  const start = { at: ago(6 * MIN).toISOString() };
  expect((await op.request("POST", `/api/workorders/${wo.id}/start`, start, { "Idempotency-Key": startKey })).status).toBe(200);
  const replay = await op.request("POST", `/api/workorders/${wo.id}/start`, start, { "Idempotency-Key": startKey });
  expect(replay.status).toBe(200);
  expect(replay.headers.get("idempotent-replayed")).toBe("true");
  // Even with a fresh key (the key's answer lost), a start of a STARTED WO changes nothing.
  expect((await op.post(`/api/workorders/${wo.id}/start`, start)).status).toBe(200);
  expect(await logsOf(wo.id)).toHaveLength(1);
  expect(await db().auditLog.count({ where: { entityId: wo.id, action: "wo.start" } })).toBe(1);
});

test("a start booked in the past may not overlap the person's own work elsewhere (409 OVERLAP); after it ended it may", async () => {
  expect(env().MAX_RUNNING_WOS_PER_OPERATOR).toBe(1);
  const { wos, op, opId } = await newWos();
  const [a, b] = wos;
  expect((await op.post(`/api/workorders/${a!.id}/start`, { at: ago(20 * MIN).toISOString() })).status).toBe(200);
  expect((await op.post(`/api/workorders/${a!.id}/pause`, { at: ago(5 * MIN).toISOString() })).status).toBe(200);
  // Another device of the same person queued a start of B at a time A was still running.
  const overlap = await op.post(`/api/workorders/${b!.id}/start`, { at: ago(10 * MIN).toISOString() });
  expect(overlap.status).toBe(409);
  expect(overlap.body).toMatchObject({ error: { code: "INVALID_STATE", details: { rule: "OVERLAP", running: [{ id: a!.id, code: a!.code }] } } });
  expect(await logsOf(b!.id)).toHaveLength(0);
  const ok = await op.post(`/api/workorders/${b!.id}/start`, { at: ago(4 * MIN).toISOString() });
  expect(ok.status).toBe(200);
  const mine = await db().workOrderTimeLog.findMany({ where: { userId: opId }, orderBy: { startedAt: "asc" } });
  for (let i = 1; i < mine.length; i++) expect(mine[i]!.startedAt.getTime()).toBeGreaterThanOrEqual(mine[i - 1]!.endedAt!.getTime());
});

test("a start without `at` is booked now and never checked as one in the past, even beside work that ended 'later' (a clock stepped back)", async () => {
  const { wos, op } = await newWos();
  const [a, b] = wos;
  expect((await op.post(`/api/workorders/${a!.id}/start`)).status).toBe(200);
  expect((await op.post(`/api/workorders/${a!.id}/pause`)).status).toBe(200);
  // The server's clock stepped back 10 minutes after A's pause was booked.
  await db().workOrderTimeLog.updateMany({ where: { workOrderId: a!.id }, data: { endedAt: new Date(Date.now() + 10 * MIN) } });
  // The overlap check once compared the booked instant with a second reading of the clock: whenever the
  // millisecond ticked in between, a plain start was refused as OVERLAP (CI saw it once in ~1,000 tests).
  // The server runs in this process: a clock that moves on 1 ms at every reading makes each tick happen.
  const RealDate = Date;
  let ticks = 0;
  class TickingDate extends RealDate {
    constructor(...args: [] | [number | string | Date]) {
      if (args.length === 0) super(RealDate.now() + ++ticks);
      else super(args[0]);
    }
    static override now() {
      return RealDate.now() + ++ticks;
    }
  }
  globalThis.Date = TickingDate as DateConstructor;
  try {
    for (let i = 0; i < 3; i++) {
      const start = await op.post(`/api/workorders/${b!.id}/start`);
      expect({ i, status: start.status, body: start.status === 200 ? null : start.body }).toEqual({ i, status: 200, body: null });
      expect((await op.post(`/api/workorders/${b!.id}/pause`)).status).toBe(200);
    }
  } finally {
    globalThis.Date = RealDate;
  }
  expect(ticks).toBeGreaterThan(0);
  expect(await logsOf(b!.id)).toHaveLength(3);
});

test("the OpenAPI document describes `at` on start, pause, complete and comments", async () => {
  const doc = await manager.get<{ paths: Record<string, { post?: { description?: string; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } } }> }>("/api/openapi.json");
  expect(doc.status).toBe(200);
  for (const action of ["start", "pause", "complete", "comments"]) {
    const post = doc.body.paths[`/api/workorders/{id}/${action}`]!.post!;
    expect(post.description).toMatch(/AT_IN_FUTURE/);
    expect(Object.keys(post.requestBody!.content["application/json"]!.schema.properties ?? {})).toContain("at");
  }
});
