// API tokens (docs/domain.md "API tokens"): made by an ADMIN for a user, shown once, stored hashed;
// `Authorization: Bearer mes_…` acts as that user with their role and active state as they are now.
import { createHash } from "node:crypto";
import { BEARER_FAILURE_LIMIT } from "@/lib/auth/tokens";
import type { Db } from "@/lib/db/client";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client, ErrorBody } from "../helpers/client";

let app: TestApp;
let prisma: Db;
let admin: Client;
beforeAll(async () => {
  app = await startTestApp();
  prisma = app.db.handle.prisma;
  admin = await app.as("ADMIN");
});
afterAll(async () => {
  await app.close();
});

interface TokenView {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  status: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  token?: string;
}

let n = 0;
/** A new user (so changing them disturbs no other test), signed in with a cookie. */
async function newUser(role = "VIEWER"): Promise<{ id: string; email: string; client: Client }> {
  const email = `tokens-${n++}-${Date.now()}@example.com`;
  const password = "Token-pass-1";
  const created = await admin.post<{ id: string }>("/api/users", { name: `Token user ${n}`, email, role, password });
  expect(created.status).toBe(201);
  return { id: created.body.id, email, client: await app.anon().signInOrThrow(email, password) };
}

async function makeToken(userId: string, extra: Record<string, unknown> = {}): Promise<TokenView & { token: string }> {
  const res = await admin.post<TokenView & { token: string }>("/api/tokens", { name: `Script ${n++}`, userId, ...extra });
  expect(res.status).toBe(201);
  return res.body;
}

/** A request with only the bearer header: no cookie, no Origin. */
function bearer(token: string, method: string, path: string, json?: unknown, headers: Record<string, string> = {}) {
  return app.anon().request(method, path, json, { authorization: `Bearer ${token}`, ...headers });
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

test("an ADMIN makes a token: shown once, only its hash stored, audited", async () => {
  const u = await newUser();
  const made = await makeToken(u.id);
  expect(made.token).toMatch(/^mes_[A-Za-z0-9_-]{43}$/);
  expect(made.prefix).toBe(made.token.slice(0, 10));
  expect(made.status).toBe("active");
  expect(made).not.toHaveProperty("hash");

  const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: made.id } });
  expect(row.hash).toBe(sha256(made.token));
  expect(JSON.stringify(row)).not.toContain(made.token.slice(10));

  // Listed by its owner and by an admin, never with the secret or the hash.
  const own = await u.client.get<{ items: TokenView[]; total: number }>("/api/tokens");
  expect(own.status).toBe(200);
  expect(own.body.items.map((t) => t.id)).toEqual([made.id]);
  expect(own.text).not.toContain(made.token.slice(10));
  expect(own.text).not.toContain(row.hash);
  const byAdmin = await admin.get<{ items: TokenView[] }>(`/api/tokens?userId=${u.id}`);
  expect(byAdmin.body.items.map((t) => t.id)).toEqual([made.id]);

  const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "token.create", entityId: made.id } });
  expect(audit.payload).toMatchObject({ prefix: made.prefix, userId: u.id });
  expect(JSON.stringify(audit.payload)).not.toContain(made.token.slice(10));
});

test("bearer acts as the user with their current role and active state", async () => {
  const u = await newUser("VIEWER");
  const { token } = await makeToken(u.id);

  const me = await bearer(token, "GET", "/api/me");
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ user: { id: u.id, email: u.email, role: "VIEWER" } });
  expect((await bearer(token, "GET", "/api/users")).status).toBe(403);

  // A new role applies on the next request.
  expect((await admin.patch(`/api/users/${u.id}`, { role: "ADMIN" })).status).toBe(200);
  expect((await bearer(token, "GET", "/api/users")).status).toBe(200);
  expect((await admin.patch(`/api/users/${u.id}`, { role: "VIEWER" })).status).toBe(200);
  expect((await bearer(token, "GET", "/api/users")).status).toBe(403);

  // Deactivated: refused at once; active again: the token works again.
  expect((await admin.patch(`/api/users/${u.id}`, { active: false })).status).toBe(200);
  const off = await bearer(token, "GET", "/api/me");
  expect(off.status).toBe(401);
  expect((off.body as ErrorBody).error).toMatchObject({ code: "UNAUTHENTICATED", details: { reason: "deactivated" } });
  expect((await admin.patch(`/api/users/${u.id}`, { active: true })).status).toBe(200);
  expect((await bearer(token, "GET", "/api/me")).status).toBe(200);
});

test("a bearer write needs no Origin; a cookie write from a foreign origin is still refused", async () => {
  const manager = await prisma.user.findFirstOrThrow({ where: { role: "MANAGER", active: true } });
  const { token } = await makeToken(manager.id);
  const sku = `TOK-${Date.now()}`;
  const made = await bearer(token, "POST", "/api/products", { sku, name: "Made by a script", uom: "pcs", isFinished: false });
  expect(made.status).toBe(201);
  // Even with a foreign Origin: there is no cookie a foreign page could ride on.
  const foreign = await bearer(token, "POST", "/api/products", { sku: `${sku}-2`, name: "Also by a script", uom: "pcs", isFinished: false }, { origin: "https://evil.example" });
  expect(foreign.status).toBe(201);

  const cookie = await app.as("MANAGER");
  const refused = await cookie.request("POST", "/api/products", { sku: `${sku}-3`, name: "Cross-site", uom: "pcs", isFinished: false }, { origin: "https://evil.example" });
  expect(refused.status).toBe(403);
  // A cookie next to a bearer header does not escape the check either.
  const both = await cookie.request("POST", "/api/products", { sku: `${sku}-4`, name: "Both", uom: "pcs", isFinished: false }, { origin: "https://evil.example", authorization: `Bearer ${token}` });
  expect(both.status).toBe(403);
  expect(await prisma.product.count({ where: { sku: { in: [`${sku}-3`, `${sku}-4`] } } })).toBe(0);
});

test("revoked, expired and unknown tokens get 401 with the reason", async () => {
  const u = await newUser();
  const a = await makeToken(u.id);
  const revoked = await u.client.request<TokenView>("DELETE", `/api/tokens/${a.id}`);
  expect(revoked.status).toBe(200);
  expect(revoked.body.status).toBe("revoked");
  const r1 = await bearer(a.token, "GET", "/api/me");
  expect(r1.status).toBe(401);
  expect((r1.body as ErrorBody).error.details).toEqual({ reason: "revoked" });
  expect(await prisma.auditLog.count({ where: { action: "token.revoke", entityId: a.id } })).toBe(1);
  // Revoking again changes nothing and audits nothing.
  expect((await u.client.request("DELETE", `/api/tokens/${a.id}`)).status).toBe(200);
  expect(await prisma.auditLog.count({ where: { action: "token.revoke", entityId: a.id } })).toBe(1);

  const b = await makeToken(u.id, { expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
  expect((await bearer(b.token, "GET", "/api/me")).status).toBe(200);
  await prisma.apiToken.update({ where: { id: b.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const r2 = await bearer(b.token, "GET", "/api/me");
  expect(r2.status).toBe(401);
  expect((r2.body as ErrorBody).error.details).toEqual({ reason: "expired" });
  const listed = await u.client.get<{ items: TokenView[] }>("/api/tokens?status=expired");
  expect(listed.body.items.map((t) => t.id)).toEqual([b.id]);

  for (const wrong of [`mes_${"A".repeat(43)}`, "not-a-token", `${b.token}x`]) {
    const r = await bearer(wrong, "GET", "/api/me");
    expect(r.status).toBe(401);
    expect((r.body as ErrorBody).error.details).toEqual({ reason: "unknown-token" });
  }
});

test("only an ADMIN makes tokens, only the owner or an ADMIN revokes, only an ADMIN lists another's", async () => {
  const u = await newUser("MANAGER");
  const other = await newUser("VIEWER");
  const before = await prisma.apiToken.count();
  const refused = await u.client.post("/api/tokens", { name: "Mine", userId: u.id });
  expect(refused.status).toBe(403);
  expect((await u.client.post("/api/tokens", { name: "Theirs", userId: other.id })).status).toBe(403);
  expect(await prisma.apiToken.count()).toBe(before);

  const t = await makeToken(other.id);
  const hidden = await u.client.request("DELETE", `/api/tokens/${t.id}`);
  expect(hidden.status).toBe(404);
  expect((await bearer(t.token, "GET", "/api/me")).status).toBe(200);
  expect((await u.client.get(`/api/tokens?userId=${other.id}`)).status).toBe(403);
  expect((await u.client.get(`/api/tokens?userId=${u.id}`)).status).toBe(200);
  expect((await admin.request<TokenView>("DELETE", `/api/tokens/${t.id}`)).body.status).toBe("revoked");
});

test("bad input is a 400 and writes nothing", async () => {
  const u = await newUser();
  const before = await prisma.apiToken.count();
  const audits = await prisma.auditLog.count({ where: { action: "token.create" } });
  const bad: unknown[] = [
    { userId: u.id },
    { name: "", userId: u.id },
    { name: "x", userId: "not-an-id" },
    { name: "x", userId: "00000000-0000-4000-8000-000000000000" },
    { name: "x", userId: u.id, expiresAt: "2020-01-01T00:00:00Z" },
    { name: "x", userId: u.id, expiresAt: "tomorrow" },
    { name: "x", userId: u.id, scope: "all" },
  ];
  for (const body of bad) {
    const res = await admin.post("/api/tokens", body);
    expect([res.status, JSON.stringify(body)]).toEqual([400, JSON.stringify(body)]);
    expect((res.body as ErrorBody).error.code).toBe("VALIDATION_FAILED");
  }
  expect((await admin.request("DELETE", "/api/tokens/nope")).status).toBe(400);
  expect((await admin.get("/api/tokens?status=lost")).status).toBe(400);
  // A deactivated user gets no token.
  await admin.patch(`/api/users/${u.id}`, { active: false });
  expect((await admin.post("/api/tokens", { name: "x", userId: u.id })).status).toBe(400);
  await admin.patch(`/api/users/${u.id}`, { active: true });
  expect(await prisma.apiToken.count()).toBe(before);
  expect(await prisma.auditLog.count({ where: { action: "token.create" } })).toBe(audits);
});

test("lastUsedAt is written on use, at most once a minute", async () => {
  const u = await newUser();
  const t = await makeToken(u.id);
  expect(t.lastUsedAt).toBeNull();
  await bearer(t.token, "GET", "/api/me");
  const first = (await prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt;
  expect(first).toBeInstanceOf(Date);
  await bearer(t.token, "GET", "/api/me");
  expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).toEqual(first);
  // A minute later it moves.
  await prisma.apiToken.update({ where: { id: t.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
  await bearer(t.token, "GET", "/api/me");
  expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
});

test("a token is for the API only: next-auth's session routes do not see it", async () => {
  const u = await newUser();
  const { token } = await makeToken(u.id);
  const session = await bearer(token, "GET", "/api/auth/session");
  expect(session.status).toBe(200);
  expect(session.body).not.toHaveProperty("user");
});

// Last: it fills this address's counter of failed attempts.
test("failed bearer attempts are throttled per address; a valid token waits too", async () => {
  await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "bearer:" } } });
  const u = await newUser();
  const { token } = await makeToken(u.id);
  for (let i = 0; i < BEARER_FAILURE_LIMIT; i++) expect((await bearer(`mes_${"B".repeat(40)}${i}`, "GET", "/api/me")).status).toBe(401);
  const limited = await bearer(`mes_${"B".repeat(43)}`, "GET", "/api/me");
  expect(limited.status).toBe(429);
  expect((limited.body as ErrorBody).error.code).toBe("RATE_LIMITED");
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await bearer(token, "GET", "/api/me")).status).toBe(429);
  // Cookie sign-ins from the address are not affected.
  expect((await u.client.get("/api/me")).status).toBe(200);
  await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "bearer:" } } });
  expect((await bearer(token, "GET", "/api/me")).status).toBe(200);
});
