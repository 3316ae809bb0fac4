// Sign-in as a hostile client tries it: redirects to other sites after sign-in, callback URLs that
// made next-auth answer 500, and ways around the per-email lockout (arrays, case, parallel guesses).
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client, ErrorBody } from "../helpers/client";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});
beforeEach(async () => {
  // Each test counts its own attempts from one address (127.0.0.1).
  await app.db.handle.prisma.rateLimit.deleteMany();
});

const ORIGIN = "http://app.test:3000";

describe("safeCallbackPath: only same-origin pages", () => {
  test.each([
    ["/mos/1?tab=wo#x", "/mos/1?tab=wo#x"],
    [`${ORIGIN}/stock/ledger?from=2026-01-01`, "/stock/ledger?from=2026-01-01"],
    [`${ORIGIN}`, "/"],
    ["/", "/"],
  ])("%s → %s", (raw, want) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(want);
  });

  test.each([
    `${ORIGIN}//other-host/x`,
    `${ORIGIN}/\\other-host/x`,
    `${ORIGIN}/\t/other-host/x`,
    `${ORIGIN}/\\\\other-host`,
    `${ORIGIN}\t//other-host/x`,
    `${ORIGIN}/%09/other-host`,
    "//other-host/x",
    "/\\other-host/x",
    "/\t/other-host",
    "\t//other-host",
    "/\n/other-host",
    " //other-host",
    "https://other-host/x",
    `${ORIGIN}.evil.com/`,
    `${ORIGIN}@evil.com/`,
    "http://app.test:3001/x",
    "https://app.test:3000/x",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.com",
    "/signin?callbackUrl=//evil",
    "/api/me",
    "",
    "http://[::1",
  ])("%j → / (the dashboard)", (raw) => {
    const path = safeCallbackPath(raw, ORIGIN);
    // Whatever came back, a browser following it from our origin stays on our origin.
    expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
    expect(path.startsWith("//") || path.startsWith("/\\")).toBe(false);
    if (!raw.startsWith(`${ORIGIN}/%09`)) expect(path).toBe("/");
  });

  test("non-strings → /", () => {
    for (const raw of [undefined, null, 42, ["/mos"], { href: "/mos" }]) expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
  });
});

async function csrfOf(c: Client): Promise<string> {
  return (await c.get<{ csrfToken: string }>("/api/auth/csrf")).body.csrfToken;
}

/** POSTs next-auth's credentials callback as a JSON body (what a script, not our form, would send). */
async function signInJson(c: Client, fields: Record<string, unknown>, query = ""): Promise<ApiResponse> {
  const csrfToken = await csrfOf(c);
  return c.raw("POST", `/api/auth/callback/credentials${query}`, {
    body: JSON.stringify({ csrfToken, json: "true", ...fields }),
    headers: { "content-type": "application/json", "x-auth-return-redirect": "1" },
  });
}

async function signInForm(c: Client, fields: Record<string, string>, query = "", cookie?: string): Promise<ApiResponse> {
  const csrfToken = await csrfOf(c);
  return c.raw("POST", `/api/auth/callback/credentials${query}`, {
    body: new URLSearchParams({ csrfToken, json: "true", ...fields }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1", ...(cookie ? { cookie: `${c.cookieHeader()}; ${cookie}` } : {}) },
  });
}

const urlOf = (res: ApiResponse) => new URL((res.body as { url: string }).url);

describe("next-auth only follows same-origin callback URLs, and never answers 500", () => {
  const hostile = (base: string) => [
    `${base}.evil.com/`,
    `${base}//other-host/x`,
    `${base}/\\other-host`,
    "https://other-host/x",
    "//other-host/x",
    "javascript:alert(1)",
    "not a url",
    "http://[::1",
  ];

  test("sign-in with a hostile callbackUrl in the body or the query → signed in, sent to our dashboard", async () => {
    for (const cb of hostile(app.url)) {
      for (const where of ["body", "query"] as const) {
        const c = app.anon();
        const res = await signInForm(c, { email: "viewer@demo.com", password: "Viewer@123", ...(where === "body" ? { callbackUrl: cb } : {}) }, where === "query" ? `?callbackUrl=${encodeURIComponent(cb)}` : "");
        expect([where, cb, res.status]).toEqual([where, cb, 200]);
        expect(c.signedIn).toBe(true);
        expect(urlOf(res).origin).toBe(app.url);
        expect(urlOf(res).pathname).toBe("/");
      }
    }
  });

  test("a hostile callback-url cookie is replaced, not followed and not a 500", async () => {
    for (const cb of hostile(app.url)) {
      const c = app.anon();
      const res = await signInForm(c, { email: "viewer@demo.com", password: "Viewer@123" }, "", `next-auth.callback-url=${encodeURIComponent(cb)}`);
      expect([cb, res.status]).toEqual([cb, 200]);
      expect(urlOf(res).origin).toBe(app.url);
    }
  });

  test("a same-origin callbackUrl is kept", async () => {
    const c = app.anon();
    const res = await signInForm(c, { email: "viewer@demo.com", password: "Viewer@123", callbackUrl: `${app.url}/mos?status=DRAFT` });
    expect(urlOf(res).toString()).toBe(`${app.url}/mos?status=DRAFT`);
  });

  test("sign-out and the other next-auth routes with a hostile callbackUrl → no 500, our origin", async () => {
    for (const cb of hostile(app.url)) {
      const c = await app.as("SALES");
      const csrfToken = await csrfOf(c);
      const res = await c.raw("POST", `/api/auth/signout?callbackUrl=${encodeURIComponent(cb)}`, {
        body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: cb }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect([cb, res.status]).toEqual([cb, 200]);
      expect(urlOf(res).origin).toBe(app.url);
      for (const path of ["/api/auth/signin", "/api/auth/session", "/api/auth/providers", "/api/auth/csrf", "/api/auth/error"]) {
        const r = await app.anon().raw("GET", `${path}?callbackUrl=${encodeURIComponent(cb)}`);
        expect([path, cb, r.status < 500]).toEqual([path, cb, true]);
        const location = r.headers.get("location");
        if (location) expect(new URL(location, app.url).origin).toBe(app.url);
      }
    }
  });
});

describe("the per-email lockout has no way around it", () => {
  async function makeUser(email: string, password = "Right-pass-1"): Promise<void> {
    const admin = await app.as("ADMIN");
    expect((await admin.post("/api/users", { name: email, email, role: "VIEWER", password })).status).toBe(201);
    await app.db.handle.prisma.rateLimit.deleteMany(); // the admin's own sign-in is not part of the test
  }

  test("an email sent as a JSON array, object or number is refused with 400 and never signs in, locked or not", async () => {
    await makeUser("array@example.com");
    for (const email of [["array@example.com"], { email: "array@example.com" }, 42, null, true]) {
      const c = app.anon();
      const res = await signInJson(c, { email, password: "Right-pass-1" });
      expect(res.status).toBe(400);
      expect((res.body as ErrorBody).error.code).toBe("VALIDATION_FAILED");
      expect(c.signedIn).toBe(false);
    }
    const pw = await signInJson(app.anon(), { email: "array@example.com", password: ["Right-pass-1"] });
    expect(pw.status).toBe(400);
    // Lock the email with plain JSON strings; the array form must not get past the lock either.
    for (let i = 0; i < 5; i++) expect((await signInJson(app.anon(), { email: "array@example.com", password: `wrong-${i}-pass` })).status).toBe(401);
    for (let i = 0; i < 20; i++) {
      const c = app.anon();
      const res = await signInJson(c, { email: ["array@example.com"], password: "Right-pass-1" });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(c.signedIn).toBe(false);
    }
    const locked = await signInJson(app.anon(), { email: "array@example.com", password: "Right-pass-1" });
    expect(locked.status).toBe(429);
  });

  test("case and spaces are one email: five failures in any spelling lock it", async () => {
    await makeUser("cased@example.com");
    for (const email of ["CASED@example.com", " cased@example.com", "Cased@Example.Com ", "\tcased@EXAMPLE.com", "cased@example.com"]) {
      expect((await app.anon().signIn(email, "Wrong-pass-1")).status).toBe(401);
    }
    for (const email of ["cased@example.com", "CASED@EXAMPLE.COM", "  cased@example.com  "]) {
      const c = app.anon();
      const res = await c.signIn(email, "Right-pass-1");
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(c.signedIn).toBe(false);
    }
  });

  test("30 parallel wrong guesses: at most 5 reach the password check, the rest get 429", async () => {
    await makeUser("parallel@example.com");
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => app.anon().signIn("parallel@example.com", `wrong-guess-${i}`)));
    const checked = results.filter((r) => r.status === 401);
    const limited = results.filter((r) => r.status === 429);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.length + limited.length).toBe(30);
    for (const r of checked) expect(r.text).toContain("CredentialsSignin");
    const row = await app.db.handle.prisma.rateLimit.findUnique({ where: { key: "login:email:parallel@example.com" } });
    expect(row?.count).toBe(30);
    // And the right password is locked out too.
    expect((await app.anon().signIn("parallel@example.com", "Right-pass-1")).status).toBe(429);
  });

  test("a success takes back only its own attempt: earlier failures still count, a lock in force stays", async () => {
    await makeUser("success@example.com");
    for (let i = 0; i < 4; i++) await app.anon().signIn("success@example.com", `wrong-${i}-pass`);
    await app.anon().signInOrThrow("success@example.com", "Right-pass-1");
    // The four failures were not forgiven by the success: one more locks the email.
    expect((await app.anon().signIn("success@example.com", "wrong-5-pass")).status).toBe(401);
    const c = app.anon();
    expect((await c.signIn("success@example.com", "Right-pass-1")).status).toBe(429);
    expect(c.signedIn).toBe(false);
    const row = await app.db.handle.prisma.rateLimit.findUnique({ where: { key: "login:email:success@example.com" } });
    expect(row?.count).toBe(6);
  });
});
