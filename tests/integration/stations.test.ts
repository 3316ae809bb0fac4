// Stations (docs/stations.md): a manager opens a tablet as a station for some work centers; operators
// identify on it by PIN (throttled per operator and per station) or badge and get a short,
// station-bound session that the existing work-order routes read as that operator; the station and
// its operators reach nothing else; idle operators are dropped; a manager signs the tablets out.
import type { IncomingMessage, ServerResponse } from "node:http";
import { guardPage } from "@/lib/auth/page-guard";
import { startTestApp, type TestApp } from "../helpers/app";
import { Client, type ErrorBody } from "../helpers/client";
import { demoFixtures } from "../helpers/demo-fixtures";

let app: TestApp;
let fx: Awaited<ReturnType<typeof demoFixtures>>;
beforeAll(async () => {
  app = await startTestApp();
  fx = await demoFixtures(app);
});
afterAll(async () => {
  await app.close();
});

const db = () => app.db.handle.prisma;
let n = 0;
const unique = () => `${Date.now().toString(36)}-${n++}`;

/** A new person (so throttling and sessions disturb no other test), with a PIN when given. */
async function person(role: "OPERATOR" | "MANAGER" | "VIEWER" = "OPERATOR", pin?: string): Promise<{ id: string; name: string; client: Client; password: string }> {
  const admin = await app.as("ADMIN");
  const u = unique();
  const password = "Station-pass-1";
  const created = await admin.post<{ id: string }>("/api/users", { name: `Person ${u}`, email: `station-${u}@example.com`, role, password });
  expect(created.status).toBe(201);
  const client = await app.anon().signInOrThrow(`station-${u}@example.com`, password);
  if (pin) expect((await client.patch("/api/me/pin", { pin, currentPassword: password })).status).toBe(200);
  return { id: created.body.id, name: `Person ${u}`, client, password };
}

/** A work center of its own, a station for it, and a tablet opened as that station by a manager. */
async function stationTablet(): Promise<{ stationId: string; workCenterId: string; tablet: Client }> {
  const wc = await db().workCenter.create({ data: { name: `Station WC ${unique()}` } });
  const manager = await app.as("MANAGER");
  const created = await manager.post<{ id: string; workCenters: { id: string }[] }>("/api/stations", { name: `Station ${unique()}`, workCenterIds: [wc.id] });
  expect(created.status).toBe(201);
  const tablet = await app.anon().signInOrThrow("manager@demo.com", "Manager@123");
  const opened = await tablet.post(`/api/stations/${created.body.id}/open`);
  expect(opened.status).toBe(200);
  return { stationId: created.body.id, workCenterId: wc.id, tablet };
}

/** A new order of the demo table whose first work order runs at `workCenterId`. */
async function woAt(workCenterId: string, assignedToId: string | null = null): Promise<{ id: string; code: string }> {
  const manager = await app.as("MANAGER");
  const mo = await manager.post<{ id: string }>("/api/mos", { name: `Station order ${unique()}`, productId: fx.products.table, quantity: 1, childOrders: "none" });
  expect(mo.status).toBe(201);
  const wo = await db().workOrder.findFirstOrThrow({ where: { moId: mo.body.id }, orderBy: { sequence: "asc" } });
  return db().workOrder.update({ where: { id: wo.id }, data: { workCenterId, assignedToId }, select: { id: true, code: true } });
}

const identify = (tablet: Client, body: unknown) => tablet.post<{ operator: { id: string; name: string } } & ErrorBody>("/api/station/identify", body);

test("only a manager or an admin creates and opens a station; opening makes the browser the station and takes the manager's cookie off it", async () => {
  const operator = await app.as("OPERATOR");
  const viewer = await app.as("VIEWER");
  expect((await operator.post("/api/stations", { name: `Nope ${unique()}`, workCenterIds: [fx.workCenters.welding] })).status).toBe(403);
  const manager = await app.as("MANAGER");
  expect((await manager.post<ErrorBody>("/api/stations", { name: `Bad ${unique()}`, workCenterIds: [] })).status).toBe(400);
  expect((await manager.post<ErrorBody>("/api/stations", { name: `Bad ${unique()}`, workCenterIds: ["00000000-0000-4000-8000-000000000000"] })).status).toBe(400);
  const { stationId, tablet, workCenterId } = await stationTablet();
  expect((await operator.post(`/api/stations/${stationId}/open`)).status).toBe(403);
  expect(tablet.signedIn).toBe(false);
  expect(tablet.cookieHeader()).toMatch(/mes\.station=/);
  const state = await tablet.get<{ station: { id: string; workCenters: { id: string }[] }; operator: null; idleMinutes: number }>("/api/station");
  expect(state.status).toBe(200);
  expect(state.body).toMatchObject({ station: { id: stationId, workCenters: [{ id: workCenterId }] }, operator: null, idleMinutes: 5 });
  // The manager's cookie is gone from the tablet: the station alone cannot read anything but the station.
  expect((await tablet.get("/api/mos")).status).toBe(401);
  // Browsers that are not a station: signed out 401, signed in 403.
  expect((await app.anon().get("/api/station")).status).toBe(401);
  expect((await viewer.get("/api/station")).status).toBe(403);
  // The queue is the station's work centers' open work, without anyone identified.
  const wo = await woAt(workCenterId);
  const queue = await tablet.get<{ items: { code: string }[] }>("/api/station/queue");
  expect(queue.status).toBe(200);
  expect(queue.body.items.map((w) => w.code)).toEqual([wo.code]);
});

test("a PIN is 4–8 digits, set with one's password, stored as a bcrypt hash, and identifies its owner on the station", async () => {
  const p = await person("OPERATOR");
  expect((await p.client.patch<ErrorBody>("/api/me/pin", { pin: "123", currentPassword: p.password })).status).toBe(400);
  expect((await p.client.patch<ErrorBody>("/api/me/pin", { pin: "12a4", currentPassword: p.password })).status).toBe(400);
  const wrongPassword = await p.client.patch<ErrorBody>("/api/me/pin", { pin: "2580", currentPassword: "not-it-1" });
  expect(wrongPassword.status).toBe(400);
  expect(wrongPassword.body.error.details).toEqual([expect.objectContaining({ path: "currentPassword" })]);
  expect((await p.client.get("/api/me/pin")).body).toEqual({ hasPin: false, hasBadge: false });
  expect((await p.client.patch("/api/me/pin", { pin: "2580", currentPassword: p.password })).status).toBe(200);
  expect((await p.client.get("/api/me/pin")).body).toEqual({ hasPin: true, hasBadge: false });
  const row = await db().user.findUniqueOrThrow({ where: { id: p.id } });
  expect(row.pinHash).toMatch(/^\$2[aby]\$/);
  expect(row.pinHash).not.toContain("2580");

  const { tablet } = await stationTablet();
  const names = await tablet.get<{ items: { id: string; name: string }[] }>("/api/station/operators");
  expect(names.body.items).toContainEqual({ id: p.id, name: p.name });
  expect(JSON.stringify(names.body)).not.toMatch(/pinHash|email/);
  const wrong = await identify(tablet, { operatorId: p.id, pin: "0000" });
  expect(wrong.status).toBe(401);
  expect(tablet.signedIn).toBe(false);
  const ok = await identify(tablet, { operatorId: p.id, pin: "2580" });
  expect(ok.status).toBe(200);
  expect(ok.body.operator).toEqual({ id: p.id, name: p.name, role: "OPERATOR" });
  expect(tablet.signedIn).toBe(true);
  expect((await tablet.get<{ user: { id: string } }>("/api/me")).body.user.id).toBe(p.id);
  expect((await tablet.get<{ operator: { id: string } }>("/api/station")).body.operator.id).toBe(p.id);
  // A viewer's right PIN does not make them an operator.
  const viewer = await person("VIEWER", "1357");
  expect((await identify(tablet, { operatorId: viewer.id, pin: "1357" })).status).toBe(401);
  // Sign-out on the station: the operator leaves, the station stays.
  expect((await tablet.post("/api/station/release")).status).toBe(200);
  expect(tablet.signedIn).toBe(false);
  expect((await tablet.get<{ operator: null }>("/api/station")).body.operator).toBeNull();
  // Removing the PIN takes the person off the pad.
  expect((await p.client.request("DELETE", "/api/me/pin", { currentPassword: p.password })).status).toBe(200);
  expect((await identify(tablet, { operatorId: p.id, pin: "2580" })).status).toBe(401);
});

test("parallel wrong PINs: exactly the per-operator limit is checked, the rest are 429 with Retry-After, and then even the right PIN waits", async () => {
  const p = await person("OPERATOR", "4711");
  const { tablet } = await stationTablet();
  const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => identify(tablet.clone(), { operatorId: p.id, pin: String(1000 + i) })));
  const statuses = answers.map((a) => a.status).sort();
  expect(statuses.filter((s) => s === 401)).toHaveLength(5); // LOGIN_MAX_FAILURES_PER_EMAIL
  expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  const limited = answers.find((a) => a.status === 429)!;
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(limited.body.error.code).toBe("RATE_LIMITED");
  expect((await identify(tablet, { operatorId: p.id, pin: "4711" })).status).toBe(429);
});

test("parallel wrong PINs for many operators: exactly the per-station limit is checked", async () => {
  const people = await Promise.all(Array.from({ length: 10 }, () => person("OPERATOR", "8642")));
  const { tablet } = await stationTablet();
  // 4 guesses each: no operator reaches their own limit (5), the station (30) goes over.
  const answers = await Promise.all(people.flatMap((p) => Array.from({ length: 4 }, (_, i) => identify(tablet.clone(), { operatorId: p.id, pin: `000${i}` }))));
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 401)).toHaveLength(30); // LOGIN_MAX_FAILURES_PER_IP
  expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  // Another station is not affected.
  const other = await stationTablet();
  expect((await identify(other.tablet, { operatorId: people[0]!.id, pin: "8642" })).status).toBe(200);
});

test("a badge is a random code issued by an admin (only its hash kept); scanning it identifies its owner; reissuing retires the old one", async () => {
  const p = await person("OPERATOR");
  const admin = await app.as("ADMIN");
  const issued = await admin.post<{ code: string; user: { id: string } }>(`/api/users/${p.id}/badge`);
  expect(issued.status).toBe(200);
  expect(issued.body.code).toMatch(/^MESB-[0-9A-Z]{26}$/);
  const row = await db().user.findUniqueOrThrow({ where: { id: p.id } });
  expect(row.badgeHash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(row)).not.toContain(issued.body.code.slice(5));
  // Two issues never give the same code.
  const second = await admin.post<{ code: string }>(`/api/users/${p.id}/badge`);
  expect(second.body.code).not.toBe(issued.body.code);

  const { tablet } = await stationTablet();
  expect((await identify(tablet, { badge: issued.body.code })).status).toBe(401);
  expect((await identify(tablet, { badge: "not a badge" })).status).toBe(400);
  // A keyboard wedge may type it in lower case or with a trailing space.
  const ok = await identify(tablet, { badge: ` ${second.body.code.toLowerCase()} ` });
  expect(ok.status).toBe(200);
  expect(ok.body.operator.id).toBe(p.id);
  expect((await admin.request("DELETE", `/api/users/${p.id}/badge`)).status).toBe(200);
  expect((await identify(tablet.clone(), { badge: second.body.code })).status).toBe(401);
});

test("work on a station is the operator's: time logs, pauses and audit name them; a switch of operator changes who acts", async () => {
  const a = await person("OPERATOR", "1111");
  const b = await person("OPERATOR", "2222");
  const { tablet, workCenterId } = await stationTablet();
  // Assigned to somebody else: the station's queue is shared by whoever identifies on it.
  const wo = await woAt(workCenterId, fx.users.OPERATOR);
  const elsewhere = await woAt(fx.workCenters.assembly);

  expect((await identify(tablet, { operatorId: a.id, pin: "1111" })).status).toBe(200);
  expect((await tablet.post(`/api/workorders/${wo.id}/start`)).status).toBe(200);
  // Not one of the station's work centers and not theirs: invisible, as for any operator.
  expect((await tablet.post(`/api/workorders/${elsewhere.id}/start`)).status).toBe(404);
  expect((await tablet.get(`/api/workorders/${elsewhere.id}`)).status).toBe(404);

  // One tap to switch: B identifies, A's session ends.
  const aCookie = tablet.clone();
  expect((await identify(tablet, { operatorId: b.id, pin: "2222" })).status).toBe(200);
  expect((await aCookie.get<ErrorBody>("/api/me")).status).toBe(401);
  expect((await tablet.post(`/api/workorders/${wo.id}/pause`, { reason: "BREAK" })).status).toBe(200);
  expect((await tablet.post(`/api/workorders/${wo.id}/start`)).status).toBe(200);
  expect((await tablet.post(`/api/workorders/${wo.id}/complete`, { goodQty: 1 })).status).toBe(200);

  const logs = await db().workOrderTimeLog.findMany({ where: { workOrderId: wo.id }, orderBy: { startedAt: "asc" } });
  expect(logs.map((l) => l.userId)).toEqual([a.id, b.id]);
  const pauses = await db().workOrderPause.findMany({ where: { workOrderId: wo.id } });
  expect(pauses.map((p) => p.userId)).toEqual([b.id]);
  const audit = await db().auditLog.findMany({ where: { entityId: wo.id, action: { startsWith: "wo." } }, orderBy: { createdAt: "asc" } });
  expect(audit.map((x) => [x.action, x.actorId])).toEqual([
    ["wo.start", a.id],
    ["wo.pause", b.id],
    ["wo.start", b.id],
    ["wo.complete", b.id],
  ]);
  const identified = await db().auditLog.findMany({ where: { action: "station.identify", actorId: { in: [a.id, b.id] } } });
  expect(identified).toHaveLength(2);
});

test("an idle operator is dropped after STATION_IDLE_MINUTES; each action keeps them on; the station stays", async () => {
  const p = await person("OPERATOR", "3333");
  const { tablet, workCenterId } = await stationTablet();
  const before = Date.now();
  expect((await identify(tablet, { operatorId: p.id, pin: "3333" })).status).toBe(200);
  const session = await db().userSession.findFirstOrThrow({ where: { userId: p.id, revokedAt: null, stationSessionId: { not: null } } });
  expect(session.stationSessionId).not.toBeNull();
  // 5 minutes (the default), not the 12 hours of a password sign-in.
  expect(session.expiresAt.getTime() - before).toBeGreaterThan(4.9 * 60_000);
  expect(session.expiresAt.getTime() - before).toBeLessThan(5.1 * 60_000);
  // An action slides the deadline.
  await db().userSession.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
  const wo = await woAt(workCenterId);
  expect((await tablet.post(`/api/workorders/${wo.id}/start`)).status).toBe(200);
  expect((await db().userSession.findUniqueOrThrow({ where: { id: session.id } })).expiresAt.getTime()).toBeGreaterThan(Date.now() + 4.5 * 60_000);
  // Reads do not keep someone on; a touch of the screen (POST /api/station/activity) does.
  await db().userSession.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
  await tablet.get("/api/station/queue");
  expect((await db().userSession.findUniqueOrThrow({ where: { id: session.id } })).expiresAt.getTime()).toBeLessThan(Date.now() + 61_000);
  expect((await tablet.post("/api/station/activity")).status).toBe(200);
  expect((await db().userSession.findUniqueOrThrow({ where: { id: session.id } })).expiresAt.getTime()).toBeGreaterThan(Date.now() + 4.5 * 60_000);
  // Idle past the deadline: the operator is gone, the station is not.
  await db().userSession.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const me = await tablet.get<ErrorBody>("/api/me");
  expect(me.status).toBe(401);
  expect(me.body.error.details).toEqual({ reason: "expired" });
  expect((await tablet.post(`/api/workorders/${wo.id}/pause`, { reason: "BREAK" })).status).toBe(401);
  expect((await tablet.post("/api/station/activity")).status).toBe(401);
  const state = await tablet.get<{ operator: null }>("/api/station");
  expect(state.status).toBe(200);
  expect(state.body.operator).toBeNull();
});

function pageRequest(cookie: string, url: string) {
  const req = { headers: { cookie }, url } as unknown as IncomingMessage;
  const headers: Record<string, string> = {};
  const res = { statusCode: 200, headers, setHeader: (k: string, v: string) => void (headers[k.toLowerCase()] = v) } as unknown as ServerResponse;
  return { req, res, resolvedUrl: url, query: {} } as unknown as Parameters<ReturnType<typeof guardPage>>[0];
}

test("a station and its operators reach only the station: other APIs 403, other pages go back to /station", async () => {
  // Even a manager identified on a station is confined: the station, not the role, decides.
  const m = await person("MANAGER", "9999");
  const { tablet, workCenterId } = await stationTablet();
  const wo = await woAt(workCenterId);
  expect((await identify(tablet, { operatorId: m.id, pin: "9999" })).status).toBe(200);
  for (const [method, path, body] of [
    ["GET", "/api/users", undefined],
    ["POST", "/api/stock/receipts", { lines: [{ productId: fx.products.steel, quantity: 1 }] }],
    ["GET", "/api/mos", undefined],
    ["POST", "/api/mos", { name: "x", productId: fx.products.table, quantity: 1 }],
    ["GET", "/api/stations", undefined],
    ["PATCH", "/api/me/pin", { pin: "1234", currentPassword: m.password }],
    ["GET", "/api/reports/kpis", undefined],
    ["PATCH", `/api/workorders/${wo.id}`, { title: "renamed" }],
  ] as const) {
    const res = await tablet.request<ErrorBody>(method, path, body);
    expect([method, path, res.status, res.body.error?.code, (res.body.error?.details as { reason?: string } | undefined)?.reason]).toEqual([method, path, 403, "FORBIDDEN", "station"]);
  }
  // What the station screen needs still works.
  for (const path of ["/api/me", "/api/station", "/api/station/queue", `/api/workorders/${wo.id}`, "/api/workorders?status=PENDING", "/api/pause-reasons?active=true"]) {
    expect([path, (await tablet.get(path)).status]).toEqual([path, 200]);
  }
  // Pages: the station screen only; anything else sends the tablet back to it.
  const cookie = tablet.cookieHeader();
  expect(await guardPage("users:manage")(pageRequest(cookie, "/admin/users"))).toEqual({ redirect: { destination: "/station", permanent: false } });
  expect(await guardPage(null)(pageRequest(cookie, "/"))).toEqual({ redirect: { destination: "/station", permanent: false } });
  expect(await guardPage("wo:execute")(pageRequest(cookie, "/operator"))).toEqual({ redirect: { destination: "/station", permanent: false } });
  expect(await guardPage(null)(pageRequest(cookie, "/station"))).toMatchObject({ props: {} });
  // With nobody identified, the station alone is sent to /station too (not to a sign-in page).
  await tablet.post("/api/station/release");
  expect(await guardPage("mo:read")(pageRequest(tablet.cookieHeader(), "/mos"))).toEqual({ redirect: { destination: "/station", permanent: false } });
  // The operator's cookie without the station's cookie is nobody.
  expect((await identify(tablet, { operatorId: m.id, pin: "9999" })).status).toBe(200);
  const sessionOnly = tablet.cookieHeader().split("; ").filter((c) => !c.startsWith("mes.station=")).join("; ");
  const stray = await app.anon().raw("GET", "/api/me", { headers: { cookie: sessionOnly } });
  expect(stray.status).toBe(401);
  // The same person signed in with their password elsewhere is not confined.
  expect((await m.client.get("/api/users")).status).toBe(403); // a MANAGER lacks users:manage anyway
  expect((await m.client.get("/api/mos")).status).toBe(200);
});

test("a manager signs a station's tablets out: the station and the operator on it are refused at once", async () => {
  const p = await person("OPERATOR", "5555");
  const { tablet, stationId } = await stationTablet();
  expect((await identify(tablet, { operatorId: p.id, pin: "5555" })).status).toBe(200);
  expect((await app.as("OPERATOR")).request("DELETE", `/api/stations/${stationId}/sessions`).then((r) => r.status)).resolves.toBe(403);
  const listed = async () => (await (await app.as("MANAGER")).get<{ items: { id: string; openSessions: number }[] }>("/api/stations")).body.items.find((s) => s.id === stationId);
  expect(await listed()).toMatchObject({ openSessions: 1 });
  const revoked = await (await app.as("MANAGER")).request<{ ended: number }>("DELETE", `/api/stations/${stationId}/sessions`);
  expect(revoked.status).toBe(200);
  expect(revoked.body.ended).toBe(1);
  expect(await listed()).toMatchObject({ openSessions: 0 });
  const me = await tablet.get<ErrorBody>("/api/me");
  expect(me.status).toBe(401);
  expect(me.body.error.details).toEqual({ reason: "ended" });
  expect((await tablet.get("/api/station")).status).toBe(401);
  expect((await identify(tablet, { operatorId: p.id, pin: "5555" })).status).toBe(401);
  expect(await guardPage(null)(pageRequest(tablet.cookieHeader(), "/mos"))).toMatchObject({ redirect: { destination: expect.stringMatching(/^\/signin/) } });
  // Opening it again on the same tablet works.
  const again = await app.anon().signInOrThrow("manager@demo.com", "Manager@123");
  expect((await again.post(`/api/stations/${stationId}/open`)).status).toBe(200);
  expect((await again.get("/api/station")).status).toBe(200);
});
