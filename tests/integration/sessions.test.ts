// Revocable sessions (docs/decisions/0004-jwt-with-server-side-session-rows.md): the JWT names a UserSession row, and every request (API, page
// guard, Socket.IO handshake) joins it with the user, so an ended session is refused at once.
import type { IncomingMessage, ServerResponse } from "node:http";
import { encode } from "next-auth/jwt";
import { guardPage } from "@/lib/auth/page-guard";
import { createDb, setDb } from "@/lib/db/client";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client, ErrorBody } from "../helpers/client";
import { connectSocket, type TestSocket } from "../helpers/socket";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

let n = 0;
/** A new user (so ending their sessions disturbs no other test) signed in on `devices` clients. */
async function userWithDevices(devices: number, role = "VIEWER"): Promise<{ id: string; email: string; password: string; clients: Client[] }> {
  const admin = await app.as("ADMIN");
  const email = `sessions-${n++}-${Date.now()}@example.com`;
  const password = "Session-pass-1";
  const created = await admin.post<{ id: string }>("/api/users", { name: `Session ${n}`, email, role, password });
  expect(created.status).toBe(201);
  const clients: Client[] = [];
  for (let i = 0; i < devices; i++) clients.push(await app.anon().signInOrThrow(email, password));
  return { id: created.body.id, email, password, clients };
}

async function signOut(c: Client): Promise<void> {
  const csrf = await c.get<{ csrfToken: string }>("/api/auth/csrf");
  const res = await c.raw("POST", "/api/auth/signout", {
    body: new URLSearchParams({ csrfToken: csrf.body.csrfToken, json: "true" }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  expect(res.status).toBe(200);
}

/** Resolves with the reason once the server closes the socket; rejects if it stays open for `ms`. */
function closedByServer(t: TestSocket, ms = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!t.socket.connected) return resolve("already closed");
    const timer = setTimeout(() => reject(new Error("the socket stayed open")), ms);
    t.socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

const sessionCookie = (c: Client) => c.cookieHeader().split("; ").find((p) => p.startsWith("next-auth.session-token="))!;

describe("a session row per sign-in", () => {
  test("signing in records the session with its expiry, browser and address", async () => {
    const u = await userWithDevices(1);
    const rows = await app.db.handle.prisma.userSession.findMany({ where: { userId: u.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revokedAt).toBeNull();
    const hours = (rows[0]!.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    expect(rows[0]!.ip).toMatch(/127\.0\.0\.1/);
    expect(rows[0]!.userAgent).toBeTruthy();
  });

  test("a validly signed JWT without a session id is refused (401)", async () => {
    const u = await userWithDevices(0);
    const token = await encode({ token: { sub: u.id, email: u.email }, secret: process.env.NEXTAUTH_SECRET! });
    const res = await app.anon().raw("GET", "/api/me", { headers: { cookie: `next-auth.session-token=${token}` } });
    expect(res.status).toBe(401);
    // The same token with a real session id of that user works: the refusal is about the sid.
    const sid = (await app.db.handle.prisma.userSession.create({ data: { userId: u.id, expiresAt: new Date(Date.now() + 60_000) } })).id;
    const withSid = await encode({ token: { sub: u.id, email: u.email, sid }, secret: process.env.NEXTAUTH_SECRET! });
    expect((await app.anon().raw("GET", "/api/me", { headers: { cookie: `next-auth.session-token=${withSid}` } })).status).toBe(200);
    // ...but not another user's session id under this user's name.
    const other = await userWithDevices(1);
    const otherSid = (await app.db.handle.prisma.userSession.findFirstOrThrow({ where: { userId: other.id } })).id;
    const mixed = await encode({ token: { sub: u.id, sid: otherSid }, secret: process.env.NEXTAUTH_SECRET! });
    expect((await app.anon().raw("GET", "/api/me", { headers: { cookie: `next-auth.session-token=${mixed}` } })).status).toBe(401);
  });
});

describe("sign-out ends the session on the server", () => {
  test("a copy of the cookie taken before sign-out gets 401 afterwards, for the API and for Socket.IO", async () => {
    const u = await userWithDevices(2);
    const [device, otherDevice] = u.clients as [Client, Client];
    const copy = device.clone();
    expect((await copy.get("/api/me")).status).toBe(200);
    await signOut(device);
    expect(device.signedIn).toBe(false);
    const refused = await copy.get<ErrorBody>("/api/me");
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: "UNAUTHENTICATED", details: { reason: "ended" } });
    await expect(connectSocket(app.url, copy)).rejects.toThrow("UNAUTHENTICATED");
    // The user's other device keeps its own session.
    expect((await otherDevice.get("/api/me")).status).toBe(200);
    const rows = await app.db.handle.prisma.userSession.findMany({ where: { userId: u.id }, orderBy: { createdAt: "asc" } });
    expect(rows.filter((r) => r.revokedAt !== null)).toHaveLength(1);
  });
});

describe("open sockets of an ended session close", () => {
  test("sign-out closes the sockets of that session only; an admin's end-all closes the rest", async () => {
    const u = await userWithDevices(2);
    const [device, otherDevice] = u.clients as [Client, Client];
    const mine = await connectSocket(app.url, device);
    const other = await connectSocket(app.url, otherDevice);
    try {
      const closed = closedByServer(mine);
      await signOut(device.clone());
      expect(await closed).toBe("io server disconnect");
      // The other device's socket is still open and still gets events.
      await new Promise((r) => setTimeout(r, 300));
      expect(other.socket.connected).toBe(true);
      const closedToo = closedByServer(other);
      expect((await (await app.as("ADMIN")).request("DELETE", `/api/users/${u.id}/sessions`)).status).toBe(200);
      expect(await closedToo).toBe("io server disconnect");
    } finally {
      mine.close();
      other.close();
    }
  });
});

describe("a password change ends the user's sessions", () => {
  test("after an admin resets a password every old cookie of that user gets 401; other users are untouched", async () => {
    const u = await userWithDevices(2);
    const bystander = await userWithDevices(1);
    const admin = await app.as("ADMIN");
    const reset = await admin.patch(`/api/users/${u.id}`, { password: "Brand-new-pass-2" });
    expect(reset.status).toBe(200);
    for (const c of u.clients) expect((await c.get("/api/me")).status).toBe(401);
    expect((await bystander.clients[0]!.get("/api/me")).status).toBe(200);
    expect((await admin.get("/api/me")).status).toBe(200);
    // The new password starts a working session.
    const fresh = await app.anon().signInOrThrow(u.email, "Brand-new-pass-2");
    expect((await fresh.get("/api/me")).status).toBe(200);
    const audit = await app.db.handle.prisma.auditLog.findFirst({ where: { entityId: u.id, action: "user.update" }, orderBy: { createdAt: "desc" } });
    expect(audit?.payload).toMatchObject({ password: "reset", sessionsEnded: 2 });
  });

  test("other changes (name, role) end no session", async () => {
    const u = await userWithDevices(1);
    const admin = await app.as("ADMIN");
    expect((await admin.patch(`/api/users/${u.id}`, { name: "Renamed", role: "SALES" })).status).toBe(200);
    expect((await u.clients[0]!.get("/api/me")).status).toBe(200);
  });

  test("admins who set their own password keep the session they did it from; their other sessions end", async () => {
    const u = await userWithDevices(2, "ADMIN");
    const [here, elsewhere] = u.clients as [Client, Client];
    expect((await here.patch(`/api/users/${u.id}`, { password: "Own-new-pass-3" })).status).toBe(200);
    expect((await here.get("/api/me")).status).toBe(200);
    expect((await elsewhere.get("/api/me")).status).toBe(401);
    // Demote again so the demo data keeps one admin of its own for other suites' expectations.
    expect((await here.patch(`/api/users/${u.id}`, { role: "VIEWER" })).status).toBe(200);
  });
});

describe("an admin ends every session of a user", () => {
  test("DELETE /api/users/:id/sessions → { ended }, every cookie of that user → 401, other users keep theirs", async () => {
    const u = await userWithDevices(3);
    const bystander = await userWithDevices(1);
    // One session already ended by sign-out is not counted again.
    await signOut(u.clients[2]!);
    const admin = await app.as("ADMIN");
    const res = await admin.request<{ ended: number }>("DELETE", `/api/users/${u.id}/sessions`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 2 });
    for (const c of u.clients.slice(0, 2)) expect((await c.get("/api/me")).status).toBe(401);
    expect((await bystander.clients[0]!.get("/api/me")).status).toBe(200);
    const audit = await app.db.handle.prisma.auditLog.findFirst({ where: { entityId: u.id, action: "user.sessions.end" } });
    expect(audit?.payload).toEqual({ ended: 2 });
    // Nothing left to end; the user can sign in again.
    expect((await admin.request<{ ended: number }>("DELETE", `/api/users/${u.id}/sessions`)).body).toEqual({ ended: 0 });
    await app.anon().signInOrThrow(u.email, u.password);
  });

  test("unknown user → 404, malformed id → 400, other roles → 403; nothing is ended", async () => {
    const u = await userWithDevices(1);
    const admin = await app.as("ADMIN");
    expect((await admin.request<ErrorBody>("DELETE", "/api/users/00000000-0000-4000-8000-000000000000/sessions")).status).toBe(404);
    const bad = await admin.request<ErrorBody>("DELETE", "/api/users/not-a-uuid/sessions");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    const manager = await app.as("MANAGER");
    expect((await manager.request<ErrorBody>("DELETE", `/api/users/${u.id}/sessions`)).status).toBe(403);
    expect((await u.clients[0]!.get("/api/me")).status).toBe(200);
  });
});

describe("expiry and deactivation", () => {
  test("a session past its expiry gets 401 (reason: expired) even though the JWT itself is still valid", async () => {
    const u = await userWithDevices(1);
    await app.db.handle.prisma.userSession.updateMany({ where: { userId: u.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await u.clients[0]!.get<ErrorBody>("/api/me");
    expect(res.status).toBe(401);
    expect(res.body.error.details).toEqual({ reason: "expired" });
  });

  test("a deactivated account's cookie gets 401 with reason deactivated; signing in says so", async () => {
    const u = await userWithDevices(1);
    const admin = await app.as("ADMIN");
    await admin.patch(`/api/users/${u.id}`, { active: false });
    const res = await u.clients[0]!.get<ErrorBody>("/api/me");
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ message: "This account was deactivated.", details: { reason: "deactivated" } });
    const again = app.anon();
    const signIn = await again.signIn(u.email, u.password);
    expect(again.signedIn).toBe(false);
    expect(signIn.text).toContain("AccountDeactivated");
    // A wrong password on a deactivated account reveals nothing beyond "incorrect".
    const wrong = await app.anon().signIn(u.email, "Wrong-pass-9");
    expect(wrong.text).toContain("CredentialsSignin");
  });
});

describe("the page guard uses the same session check", () => {
  /** The guard's own props: the language props every page now gets (tests/integration/locale.test.ts) are checked present and set aside. */
  function guardOnly(out: unknown) {
    if (!out || typeof out !== "object" || !("props" in out)) return out;
    const { locale, messages, timeZone, now, ...rest } = (out as { props: Record<string, unknown> }).props;
    expect([typeof locale, typeof messages, typeof timeZone, typeof now]).toEqual(["string", "object", "string", "number"]);
    return { ...out, props: rest };
  }
  function pageRequest(cookie: string | undefined, url: string) {
    const req = { headers: cookie ? { cookie } : {}, url } as unknown as IncomingMessage & { cookies?: Record<string, string> };
    const headers: Record<string, string> = {};
    const res = { statusCode: 200, headers, setHeader: (k: string, v: string) => void (headers[k.toLowerCase()] = v) } as unknown as ServerResponse & { headers: Record<string, string> };
    return { req, res, resolvedUrl: url, query: {} } as unknown as Parameters<ReturnType<typeof guardPage>>[0] & { res: typeof res };
  }

  test("signed out → redirect to /signin with the page as callbackUrl; ended session → the same, with a reason", async () => {
    const guard = guardPage(null);
    expect(await guard(pageRequest(undefined, "/mos/abc?tab=1"))).toEqual({ redirect: { destination: "/signin?callbackUrl=%2Fmos%2Fabc%3Ftab%3D1", permanent: false } });
    const u = await userWithDevices(1);
    const cookie = sessionCookie(u.clients[0]!);
    // A page it lets through gets the user exactly as GET /api/me answers (the shell renders with it at once).
    const me = await u.clients[0]!.get("/api/me");
    expect(me.status).toBe(200);
    const through = await guard(pageRequest(cookie, "/"));
    expect(guardOnly(through)).toEqual({ props: { me: me.body } });
    expect(JSON.stringify(through)).not.toMatch(/sessionId|passwordHash/);
    await (await app.as("ADMIN")).request("DELETE", `/api/users/${u.id}/sessions`);
    expect(await guard(pageRequest(cookie, "/"))).toEqual({ redirect: { destination: "/signin?callbackUrl=%2F&reason=expired", permanent: false } });
  });

  test("a role without the page's permission gets the Forbidden props and status 403; all-records pages refuse operators", async () => {
    const viewer = await userWithDevices(1, "VIEWER");
    const ctx = pageRequest(sessionCookie(viewer.clients[0]!), "/admin/users");
    const out = await guardPage("users:manage")(ctx);
    expect(ctx.res.statusCode).toBe(403);
    expect(out).toMatchObject({ props: { forbidden: { user: { id: viewer.id, role: "VIEWER" } } } });
    expect(JSON.stringify(out)).not.toMatch(/sessionId|passwordHash/);
    const operator = await userWithDevices(1, "OPERATOR");
    const op = pageRequest(sessionCookie(operator.clients[0]!), "/mos");
    expect(await guardPage("mo:read", { allRecords: true })(op)).toMatchObject({ props: { forbidden: { user: { role: "OPERATOR" } } } });
    expect(op.res.statusCode).toBe(403);
    // ...but may open one order of their own work (scope "own").
    const own = pageRequest(sessionCookie(operator.clients[0]!), "/mos/x");
    expect(guardOnly(await guardPage("mo:read")(own))).toEqual({ props: { me: (await operator.clients[0]!.get("/api/me")).body } });
  });

  test("the database away while checking the session → 503 with Retry-After, never a 500", async () => {
    const u = await userWithDevices(1);
    const ctx = pageRequest(sessionCookie(u.clients[0]!), "/");
    // A real connection refused: nothing listens on port 1.
    const away = createDb({ url: "postgresql://postgres@127.0.0.1:1/none" });
    setDb(away);
    try {
      expect(guardOnly(await guardPage(null)(ctx))).toEqual({ props: { unavailable: true } });
      expect(ctx.res.statusCode).toBe(503);
      expect(Number(ctx.res.headers["retry-after"])).toBeGreaterThan(0);
    } finally {
      setDb(app.db.handle);
      await away.close();
    }
    expect(guardOnly(await guardPage(null)(pageRequest(sessionCookie(u.clients[0]!), "/")))).toEqual({ props: { me: (await u.clients[0]!.get("/api/me")).body } });
  });
});
