import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { BASE_URL, assertText, demo, launchBrowser, openTab, screenshot, signIn, visible } from "./helpers";

describe("pages a role may not use", () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const role of ["OPERATOR", "MANAGER", "VIEWER"] as const) {
    test(`${role} typing /admin/users sees the Forbidden page, not a crash`, async () => {
      const { context, page, pageErrors } = await openTab(browser);
      const user = demo(role);
      try {
        await signIn(page, user.email, user.password, user.role);
        await page.goto("/admin/users");
        const forbidden = await visible(page.getByTestId("forbidden"));
        await assertText(forbidden.getByRole("heading", { level: 1 }), "You are not allowed to see this page");
        await assertText(forbidden, `Your role (${user.roleLabel})`);
        assert.equal(await page.getByTestId("user-row").count(), 0, "no user data on the page");
        assert.equal(new URL(page.url()).pathname, "/admin/users");
        if (role === "OPERATOR") await screenshot(page, "forbidden-OPERATOR");

        await forbidden.getByRole("link", { name: "Back to the dashboard" }).click();
        await page.waitForURL(`${BASE_URL}/`);
        await visible(page.getByTestId(`dashboard-${role}`));
        assert.deepEqual(pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }

  test("the server itself answers a page a role may not use: status 403 and the Forbidden page in the HTML", async () => {
    const { context, page } = await openTab(browser);
    const viewer = demo("VIEWER");
    try {
      await signIn(page, viewer.email, viewer.password, viewer.role);
      for (const path of ["/admin/users", "/admin/audit", "/workcenters", "/mos/new"]) {
        const res = await context.request.get(path, { maxRedirects: 0 });
        assert.equal(res.status(), 403, `${path} → ${res.status()}`);
        const html = await res.text();
        assert.match(html, /You are not allowed to see this page/);
        assert.match(html, /Your role \(Viewer\)/);
      }
      const shown = await page.goto("/admin/users");
      assert.equal(shown?.status(), 403);
      await visible(page.getByTestId("forbidden"));
      // A page the role may use is served normally.
      assert.equal((await context.request.get("/stock", { maxRedirects: 0 })).status(), 200);
    } finally {
      await context.close();
    }
  });

  test("an operator may open the orders of their own work but not the planning lists", async () => {
    const { context, page } = await openTab(browser);
    const operator = demo("OPERATOR");
    try {
      await signIn(page, operator.email, operator.password, operator.role);
      assert.equal((await context.request.get("/mos", { maxRedirects: 0 })).status(), 403);
      assert.equal((await context.request.get("/workorders", { maxRedirects: 0 })).status(), 403);
      assert.equal((await context.request.get("/operator", { maxRedirects: 0 })).status(), 200);
    } finally {
      await context.close();
    }
  });

  test("the users API itself refuses an operator (403)", async () => {
    const { context, page } = await openTab(browser);
    const operator = demo("OPERATOR");
    try {
      await signIn(page, operator.email, operator.password, operator.role);
      const res = await page.evaluate(async () => {
        const r = await fetch("/api/users");
        return { status: r.status, body: (await r.json()) as { error?: { code?: string } } };
      });
      assert.equal(res.status, 403);
      assert.equal(res.body.error?.code, "FORBIDDEN");
    } finally {
      await context.close();
    }
  });

  test("an unknown address shows the 404 page", async () => {
    const { context, page } = await openTab(browser);
    try {
      const res = await page.goto("/no-such-page");
      assert.equal(res?.status(), 404);
      const notFound = await visible(page.getByTestId("not-found"));
      await assertText(notFound.getByRole("heading", { level: 1 }), "Page not found");
      await visible(notFound.getByRole("link", { name: "Go to the dashboard" }));
    } finally {
      await context.close();
    }
  });
});
