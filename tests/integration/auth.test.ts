import { DEMO_USERS } from "@/lib/demo/seed";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ErrorBody } from "../helpers/client";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe("sign-in through next-auth (csrf → credentials callback → session cookie)", () => {
  test.each(DEMO_USERS.map((u) => [u.role, u] as const))("%s demo user signs in and /api/me reports their role", async (_role, u) => {
    const c = app.anon();
    const res = await c.signIn(u.email, u.password);
    expect(res.status).toBe(200);
    expect(c.signedIn).toBe(true);
    const me = await c.get<{ user: { email: string; role: string }; permissions: { permission: string }[] }>("/api/me");
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: u.email, role: u.role });
    expect(JSON.stringify(me.body)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  test("the email is case-insensitive", async () => {
    const c = app.anon();
    await c.signIn("  Manager@Demo.COM ", "Manager@123");
    expect(c.signedIn).toBe(true);
  });

  test("a wrong password or unknown email sets no session", async () => {
    for (const [email, password] of [["viewer@demo.com", "wrong-password-1"], ["nobody@demo.com", "Viewer@123"]] as const) {
      const c = app.anon();
      const res = await c.signIn(email, password);
      expect(c.signedIn).toBe(false);
      expect(res.text).toContain("CredentialsSignin");
      expect((await c.get("/api/me")).status).toBe(401);
    }
  });

  test("sign-out ends the session cookie", async () => {
    const c = await app.as("VIEWER");
    const csrf = await c.get<{ csrfToken: string }>("/api/auth/csrf");
    await c.raw("POST", "/api/auth/signout", {
      body: new URLSearchParams({ csrfToken: csrf.body.csrfToken, json: "true" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(c.signedIn).toBe(false);
    expect((await c.get("/api/me")).status).toBe(401);
  });
});

describe("sign-in throttling", () => {
  test("after 5 failures for one email the next attempt gets 429 with Retry-After, even with the right password", async () => {
    const admin = await app.as("ADMIN");
    const created = await admin.post<{ id: string }>("/api/users", { name: "Throttle", email: "throttle@example.com", role: "VIEWER", password: "Right-pass-1" });
    expect(created.status).toBe(201);
    for (let i = 0; i < 5; i++) {
      const r = await app.anon().signIn("throttle@example.com", `wrong-${i}-pass`);
      expect(r.status).not.toBe(429);
    }
    const c = app.anon();
    const limited = await c.signIn("throttle@example.com", "Right-pass-1");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((limited.body as ErrorBody).error.code).toBe("RATE_LIMITED");
    expect(c.signedIn).toBe(false);
    // Other accounts from other addresses are unaffected.
    const other = app.anon();
    await other.signIn("sales@demo.com", "Sales@123");
    expect(other.signedIn).toBe(true);
  });

  test("failures are counted per address too (many emails from one address)", async () => {
    await app.db.handle.prisma.rateLimit.deleteMany();
    // LOGIN_MAX_FAILURES_PER_IP defaults to 30; the test client always comes from 127.0.0.1.
    for (let i = 0; i < 30; i++) await app.anon().signIn(`spray-${i}@example.com`, "whatever-1");
    const res = await app.anon().signIn("viewer@demo.com", "Viewer@123");
    expect(res.status).toBe(429);
    await app.db.handle.prisma.rateLimit.deleteMany();
  });
});

describe("every request re-reads the user", () => {
  test("a deactivated user's existing cookie is refused at once, and works again after reactivation", async () => {
    const admin = await app.as("ADMIN");
    const created = await admin.post<{ id: string }>("/api/users", { name: "Temp", email: "temp@example.com", role: "MANAGER", password: "Temp-pass-1" });
    const temp = await app.anon().signInOrThrow("temp@example.com", "Temp-pass-1");
    expect((await temp.get("/api/me")).status).toBe(200);
    expect((await admin.patch(`/api/users/${created.body.id}`, { active: false })).status).toBe(200);
    const refused = await temp.get<ErrorBody>("/api/me");
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("UNAUTHENTICATED");
    // A deactivated user cannot sign in again either.
    const again = app.anon();
    await again.signIn("temp@example.com", "Temp-pass-1");
    expect(again.signedIn).toBe(false);
    await admin.patch(`/api/users/${created.body.id}`, { active: true });
    expect((await temp.get("/api/me")).status).toBe(200);
  });

  test("a role change applies on the next request with the same cookie", async () => {
    const admin = await app.as("ADMIN");
    const created = await admin.post<{ id: string }>("/api/users", { name: "Promoted", email: "promoted@example.com", role: "VIEWER", password: "Promo-pass-1" });
    const c = await app.anon().signInOrThrow("promoted@example.com", "Promo-pass-1");
    expect((await c.get("/api/users")).status).toBe(403);
    await admin.patch(`/api/users/${created.body.id}`, { role: "ADMIN" });
    expect((await c.get("/api/users")).status).toBe(200);
    expect((await c.get<{ user: { role: string } }>("/api/me")).body.user.role).toBe("ADMIN");
    await admin.patch(`/api/users/${created.body.id}`, { role: "VIEWER" });
    expect((await c.get("/api/users")).status).toBe(403);
  });

  test("a forged or foreign-secret cookie is refused", async () => {
    const c = app.anon();
    const res = await c.raw("GET", "/api/me", { headers: { cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.forged.forged" } });
    expect(res.status).toBe(401);
  });
});

describe("security headers and origin", () => {
  test("every response carries CSP, frame-ancestors 'none', nosniff and a referrer policy", async () => {
    for (const path of ["/api/health", "/api/me", "/api/auth/csrf"]) {
      const res = await app.anon().get(path);
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    }
  });

  test("a state-changing request from another origin is refused with 403 and writes nothing", async () => {
    const admin = await app.as("ADMIN");
    const before = await app.db.handle.prisma.user.count();
    const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of foreign) {
      const res = await admin.request<ErrorBody>("POST", "/api/users", { name: "X", email: `x${Math.random()}@example.com`, role: "VIEWER", password: "Xx-pass-123" }, headers);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
    expect(await app.db.handle.prisma.user.count()).toBe(before);
    // The same request from the app's own origin succeeds.
    const ok = await admin.request("POST", "/api/users", { name: "Same", email: "same-origin@example.com", role: "VIEWER", password: "Xx-pass-123" }, { origin: app.url });
    expect(ok.status).toBe(201);
  });
});
