import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, alertIn, assertText, demo, launchBrowser, openTab, screenshot, signIn, submitSignIn, unique, visible } from "./helpers";

describe("sign-in and sign-out", () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test("a signed-out visit to / lands on /signin", async () => {
    const { context, page, pageErrors } = await openTab(browser);
    try {
      await page.goto("/");
      await page.waitForURL((url) => url.pathname === "/signin");
      assert.equal(new URL(page.url()).searchParams.get("callbackUrl"), "/");
      await assertText(page.getByRole("heading", { level: 1 }), "Sign in to MES");
      await visible(page.getByLabel("Email"));
      await visible(page.getByLabel("Password", { exact: true }));
      assert.equal(await page.title(), "Sign in · MES");
      await screenshot(page, "signin-768x1024");
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("the sign-in form is tablet-sized: inputs and button at least 48px tall", async () => {
    const { context, page } = await openTab(browser);
    try {
      await page.goto("/signin");
      for (const control of [page.getByLabel("Email"), page.getByLabel("Password", { exact: true }), page.getByRole("button", { name: "Sign in", exact: true })]) {
        const box = await (await visible(control)).boundingBox();
        assert.ok(box, "control has a box");
        assert.ok(box.height >= 48, `height ${box.height} < 48`);
      }
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 768, `page scrolls sideways at 768px (${width}px wide)`);
    } finally {
      await context.close();
    }
  });

  test("a wrong password shows an error and does not sign in", async () => {
    const { context, page } = await openTab(browser);
    try {
      await page.goto("/signin");
      await submitSignIn(page, "viewer@demo.com", "not-the-password1");
      await assertText(alertIn(page), "Incorrect email or password.");
      assert.equal(new URL(page.url()).pathname, "/signin");
      const cookies = await context.cookies();
      assert.ok(!cookies.some((c) => c.name.includes("session-token")), "no session cookie after a failed sign-in");
      assert.equal(await page.getByLabel("Password", { exact: true }).inputValue(), "", "the password field is cleared");
    } finally {
      await context.close();
    }
  });

  test("repeated failures show the rate-limit message of the API", async () => {
    const { context, page } = await openTab(browser);
    const email = `nobody-${unique()}@demo.com`;
    try {
      await page.goto("/signin");
      const statuses: number[] = [];
      let message = "";
      // The API allows 5 failures per email in its window; the next attempt is refused with 429.
      while (!statuses.includes(429) && statuses.length < 8) {
        const [res] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith("/api/auth/callback/credentials")),
          submitSignIn(page, email, "wrong-password1"),
        ]);
        statuses.push(res.status());
        // The button reads "Signing in…" until the answer has been handled.
        await page.getByRole("button", { name: "Sign in", exact: true }).waitFor({ state: "visible" });
        message = await alertIn(page).innerText();
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
      assert.match(message, /Too many failed sign-in attempts\. Try again in \d+ minute/);
    } finally {
      await context.close();
    }
  });

  test("callbackUrl brings the user back to the page they asked for", async () => {
    const { context, page } = await openTab(browser);
    const admin = demo("ADMIN");
    try {
      await page.goto("/admin/users");
      await page.waitForURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/admin/users");
      await submitSignIn(page, admin.email, admin.password);
      await page.waitForURL(`${BASE_URL}/admin/users`);
      await assertText(page.getByRole("heading", { level: 1 }), "Users");
    } finally {
      await context.close();
    }
  });

  test("a callbackUrl to another site is ignored", async () => {
    const { context, page } = await openTab(browser);
    const viewer = demo("VIEWER");
    try {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent("https://example.com/steal")}`);
      await submitSignIn(page, viewer.email, viewer.password);
      await page.waitForURL(`${BASE_URL}/`);
      await visible(page.getByTestId("dashboard-VIEWER"));
    } finally {
      await context.close();
    }
  });

  test("callbackUrls that a browser would read as another host (//, \\, tab) lead to the dashboard", async () => {
    const viewer = demo("VIEWER");
    for (const raw of [`${BASE_URL}//example.com/x`, `${BASE_URL}/\\example.com/x`, `${BASE_URL}/\t/example.com/x`, "/\\example.com"]) {
      const { context, page } = await openTab(browser);
      try {
        await page.goto(`/signin?callbackUrl=${encodeURIComponent(raw)}`);
        await submitSignIn(page, viewer.email, viewer.password);
        await page.waitForURL(`${BASE_URL}/`);
        await visible(page.getByTestId("dashboard-VIEWER"));
      } finally {
        await context.close();
      }
    }
  });

  test("sign-out ends the session and returns to /signin", async () => {
    const { context, page } = await openTab(browser);
    const viewer = demo("VIEWER");
    try {
      await signIn(page, viewer.email, viewer.password, viewer.role);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${BASE_URL}/signin`);
      const me = await page.evaluate(async () => (await fetch("/api/me")).status);
      assert.equal(me, 401);
      await page.goto("/");
      await page.waitForURL((url) => url.pathname === "/signin");
    } finally {
      await context.close();
    }
  });

  test("a signed-out request for any page is answered by the server with a redirect to sign-in, without the app", async () => {
    const { context } = await openTab(browser);
    try {
      for (const path of ["/", "/mos/new", "/admin/users?role=ADMIN", "/workorders/00000000-0000-4000-8000-000000000000/print"]) {
        const res = await context.request.get(path, { maxRedirects: 0 });
        assert.equal(res.status(), 307, `${path} → ${res.status()}`);
        const location = new URL(res.headers()["location"] ?? "", BASE_URL);
        assert.equal(location.pathname, "/signin");
        assert.equal(location.searchParams.get("callbackUrl"), path);
        assert.doesNotMatch(await res.text(), /Dashboard|Sign out/);
      }
    } finally {
      await context.close();
    }
  });

  test("a session ended elsewhere: the next page says why, and signing in returns to the same page", async () => {
    const admin = demo("ADMIN");
    const adminTab = await openTab(browser);
    const { context, page, pageErrors } = await openTab(browser);
    const email = `ended-${unique()}@example.com`;
    const password = "Ended-pass-1";
    const call = (p: Page, method: string, url: string, body?: unknown) =>
      p.evaluate(
        async ([m, u, b]) => {
          const r = await fetch(u as string, { method: m as string, headers: { "Content-Type": "application/json" }, body: b === undefined ? undefined : JSON.stringify(b) });
          return { status: r.status, body: (await r.json()) as { id?: string; ended?: number } };
        },
        [method, url, body] as const,
      );
    try {
      await signIn(adminTab.page, admin.email, admin.password, admin.role);
      const created = await call(adminTab.page, "POST", "/api/users", { name: "Ended Manager", email, role: "MANAGER", password });
      assert.equal(created.status, 201);
      await signIn(page, email, password, "MANAGER");
      await page.goto("/mos/new");
      await assertText(page.getByRole("heading", { level: 1 }), "New manufacturing order");

      // An admin ends every session of this user (lost tablet): the next page load goes to sign-in, saying why.
      const ended = await call(adminTab.page, "DELETE", `/api/users/${created.body.id}/sessions`);
      assert.deepEqual(ended, { status: 200, body: { ended: 1 } });
      await page.reload();
      await page.waitForURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/mos/new");
      await assertText(page.getByTestId("signin-reason"), "Your session ended. Sign in again");
      await screenshot(page, "signin-session-ended");
      await submitSignIn(page, email, password);
      await page.waitForURL(`${BASE_URL}/mos/new`);
      await assertText(page.getByRole("heading", { level: 1 }), "New manufacturing order");

      // Deactivated meanwhile: the sign-in page says so, and so does a new attempt.
      assert.equal((await call(adminTab.page, "PATCH", `/api/users/${created.body.id}`, { active: false })).status, 200);
      await page.reload();
      await page.waitForURL((url) => url.pathname === "/signin" && url.searchParams.get("reason") === "deactivated");
      await assertText(page.getByTestId("signin-reason"), "This account was deactivated");
      await submitSignIn(page, email, password);
      await assertText(alertIn(page), "This account was deactivated");
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
      await adminTab.context.close();
    }
  });

  test("sign-out ends the session on the server: a copy of the cookie no longer works", async () => {
    const { context, page } = await openTab(browser);
    const viewer = demo("VIEWER");
    try {
      await signIn(page, viewer.email, viewer.password, viewer.role);
      const copied = await context.cookies();
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${BASE_URL}/signin`);
      const other = await browser.newContext({ baseURL: BASE_URL });
      try {
        await other.addCookies(copied);
        assert.equal((await other.request.get("/api/me")).status(), 401);
        assert.equal((await other.request.get("/", { maxRedirects: 0 })).status(), 307);
      } finally {
        await other.close();
      }
    } finally {
      await context.close();
    }
  });
});
