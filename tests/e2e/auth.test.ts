import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
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
});
