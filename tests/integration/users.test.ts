import { startTestApp, type TestApp } from "../helpers/app";
import type { ErrorBody } from "../helpers/client";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const valid = (n: string) => ({ name: `User ${n}`, email: `user-${n}@example.com`, role: "OPERATOR", password: "Good-pass-1" });

describe("users API", () => {
  test("create, read, list with paging and search; no password hash ever leaves the server", async () => {
    const admin = await app.as("ADMIN");
    const created = await admin.post<{ id: string; email: string }>("/api/users", { ...valid("a"), email: "  User-A@Example.com " });
    expect(created.status).toBe(201);
    expect(created.body.email).toBe("user-a@example.com");
    const one = await admin.get(`/api/users/${created.body.id}`);
    expect(one.status).toBe(200);
    const page = await admin.get<{ items: { email: string }[]; total: number; page: number; pageSize: number }>("/api/users?pageSize=2&page=1");
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBe(await app.db.handle.prisma.user.count());
    expect(page.body.pageSize).toBe(2);
    const search = await admin.get<{ items: { email: string }[] }>("/api/users?q=USER-A");
    expect(search.body.items.map((u) => u.email)).toEqual(["user-a@example.com"]);
    for (const res of [created, one, page, search]) expect(res.text).not.toMatch(/passwordHash|\$2[aby]\$/);
    const audit = await app.db.handle.prisma.auditLog.findFirst({ where: { entityId: created.body.id, action: "user.create" } });
    expect(audit).not.toBeNull();
  });

  test("a duplicate email (any case) is a 409 CONFLICT", async () => {
    const admin = await app.as("ADMIN");
    const res = await admin.post<ErrorBody>("/api/users", { ...valid("dup"), email: "ADMIN@demo.com" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("CONFLICT");
  });

  test("password reset takes effect for sign-in", async () => {
    const admin = await app.as("ADMIN");
    const u = await admin.post<{ id: string }>("/api/users", valid("reset"));
    expect((await admin.patch(`/api/users/${u.body.id}`, { password: "Brand-new-2" })).status).toBe(200);
    const old = app.anon();
    await old.signIn("user-reset@example.com", "Good-pass-1");
    expect(old.signedIn).toBe(false);
    await app.anon().signInOrThrow("user-reset@example.com", "Brand-new-2");
  });

  test("unknown id → 404, malformed id → 400", async () => {
    const admin = await app.as("ADMIN");
    expect((await admin.get("/api/users/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await admin.patch("/api/users/00000000-0000-4000-8000-000000000000", { name: "x" })).status).toBe(404);
    expect((await admin.get("/api/users/not-a-uuid")).status).toBe(400);
  });
});

describe("the last active admin", () => {
  test("cannot be demoted or deactivated; can once another admin exists", async () => {
    const admin = await app.as("ADMIN");
    const me = (await admin.get<{ user: { id: string } }>("/api/me")).body.user.id;
    for (const body of [{ role: "MANAGER" }, { active: false }]) {
      const res = await admin.patch<ErrorBody>(`/api/users/${me}`, body);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/last active admin/);
    }
    const second = await admin.post<{ id: string }>("/api/users", { ...valid("admin2"), role: "ADMIN" });
    expect((await admin.patch(`/api/users/${second.body.id}`, { active: false })).status).toBe(200);
    expect((await admin.patch(`/api/users/${second.body.id}`, { active: true })).status).toBe(200);
    // Two admins demoting each other at the same time: exactly one succeeds, one admin remains.
    const other = await app.anon().signInOrThrow("user-admin2@example.com", "Good-pass-1");
    const [a, b] = await Promise.all([admin.patch(`/api/users/${second.body.id}`, { role: "VIEWER" }), other.patch(`/api/users/${me}`, { role: "VIEWER" })]);
    // The loser is refused either by the guard (409) or, when the winner committed first, because it is no longer an admin (403).
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    expect([409, 403]).toContain(a.status === 200 ? b.status : a.status);
    expect(await app.db.handle.prisma.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    // Restore the demo admin for the other tests.
    const survivor = a.status === 200 ? admin : other;
    const demoted = a.status === 200 ? second.body.id : me;
    if (demoted === me) expect((await survivor.patch(`/api/users/${me}`, { role: "ADMIN" })).status).toBe(200);
  });
});

describe("bad input: a 4xx with the documented shape, and nothing written", () => {
  const cases: [string, unknown][] = [
    ["unknown field", { ...valid("u1"), isAdmin: true }],
    ["missing name", { email: "x1@example.com", role: "VIEWER", password: "Good-pass-1" }],
    ["empty name", { ...valid("u2"), name: "   " }],
    ["wrong type", { ...valid("u3"), name: 42 }],
    ["bad email", { ...valid("u4"), email: "not-an-email" }],
    ["unknown role", { ...valid("u5"), role: "SUPERUSER" }],
    ["short password", { ...valid("u6"), password: "Ab1" }],
    ["password without a digit", { ...valid("u7"), password: "only-letters" }],
    ["password over 72 bytes", { ...valid("u8"), password: "Aa1" + "x".repeat(80) }],
    ["array body", [valid("u9")]],
    ["null body", null],
  ];
  test.each(cases)("POST /api/users with %s → 400 VALIDATION_FAILED", async (_label, body) => {
    const admin = await app.as("ADMIN");
    const before = await app.db.handle.prisma.user.count();
    const res = await admin.post<ErrorBody>("/api/users", body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(typeof res.body.error.message).toBe("string");
    expect(await app.db.handle.prisma.user.count()).toBe(before);
  });

  test("PATCH with nothing to change, unknown fields or wrong types → 400, user unchanged", async () => {
    const admin = await app.as("ADMIN");
    const viewer = await app.db.handle.prisma.user.findUniqueOrThrow({ where: { email: "viewer@demo.com" } });
    for (const body of [{}, { nickname: "x" }, { active: "no" }, { role: null }, { email: "" }]) {
      const res = await admin.patch<ErrorBody>(`/api/users/${viewer.id}`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
    expect(await app.db.handle.prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).toEqual(viewer);
  });

  test("malformed JSON → 400; not JSON → 415; empty body → 400; over 1 MB → 413", async () => {
    const admin = await app.as("ADMIN");
    const before = await app.db.handle.prisma.user.count();
    const malformed = await admin.raw("POST", "/api/users", { body: '{"name": "x",', headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect((malformed.body as ErrorBody).error.code).toBe("VALIDATION_FAILED");
    const form = await admin.raw("POST", "/api/users", { body: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    expect((form.body as ErrorBody).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const empty = await admin.raw("POST", "/api/users", { headers: { "content-type": "application/json" } });
    expect(empty.status).toBe(400);
    const big = await admin.raw("POST", "/api/users", { body: JSON.stringify({ ...valid("big"), name: "x".repeat(1024 * 1024 + 10) }), headers: { "content-type": "application/json" } });
    expect(big.status).toBe(413);
    expect((big.body as ErrorBody).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await app.db.handle.prisma.user.count()).toBe(before);
  });

  test("bad query parameters → 400", async () => {
    const admin = await app.as("ADMIN");
    for (const q of ["pageSize=0", "pageSize=201", "page=-1", "role=KING", "active=maybe", "bogus=1"]) {
      const res = await admin.get<ErrorBody>(`/api/users?${q}`);
      expect([q, res.status]).toEqual([q, 400]);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
  });

  test("a wrong method → 405 with Allow", async () => {
    const admin = await app.as("ADMIN");
    const res = await admin.request<ErrorBody>("DELETE", "/api/users");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST");
    expect(res.body.error.code).toBe("METHOD_NOT_ALLOWED");
  });
});

describe("assignable people for planners", () => {
  test("a manager lists active operators, managers and admins — no one else, no emails or hashes", async () => {
    const admin = await app.as("ADMIN");
    const off = await admin.post<{ id: string }>("/api/users", { ...valid("offop"), role: "OPERATOR" });
    await admin.patch(`/api/users/${off.body.id}`, { active: false });
    const res = await (await app.as("MANAGER")).get<{ items: { id: string; name: string; role: string }[] }>("/api/users/assignable");
    expect(res.status).toBe(200);
    const expected = await app.db.handle.prisma.user.findMany({ where: { active: true, role: { in: ["OPERATOR", "MANAGER", "ADMIN"] } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, role: true } });
    expect(res.body.items).toEqual(expected);
    expect(res.body.items.some((u) => u.id === off.body.id)).toBe(false);
    expect(res.text).not.toMatch(/@|passwordHash/);
    expect((await (await app.as("OPERATOR")).get("/api/users/assignable")).status).toBe(403);
  });
});
