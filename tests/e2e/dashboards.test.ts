import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { BASE_URL, DEMO_USERS, assertText, launchBrowser, navLinks, openTab, screenshot, signIn, visible } from "./helpers";

describe("every demo user sees their own dashboard", () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const user of DEMO_USERS) {
    test(`${user.role}: ${user.email} signs in and sees "${user.heading}"`, async () => {
      const { context, page, pageErrors } = await openTab(browser);
      try {
        await signIn(page, user.email, user.password, user.role);
        const section = page.getByTestId(`dashboard-${user.role}`);
        await assertText(section.getByRole("heading", { level: 1 }), user.heading);
        // Only the user's own dashboard is on the page.
        assert.equal(await page.locator('[data-testid^="dashboard-"]').count(), 1);

        const current = page.getByTestId("current-user");
        await assertText(current, user.name);
        await assertText(current, user.roleLabel);

        const links = await navLinks(page);
        assert.deepEqual(links, user.role === "ADMIN" ? ["Dashboard", "Users"] : ["Dashboard"]);
        assert.equal(await page.getByRole("link", { name: "Dashboard" }).getAttribute("aria-current"), "page");

        await screenshot(page, `dashboard-${user.role}`);
        assert.deepEqual(pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }

  test("the admin dashboard links to the users page", async () => {
    const { context, page } = await openTab(browser);
    const admin = DEMO_USERS[0]!;
    try {
      await signIn(page, admin.email, admin.password, admin.role);
      await page.getByTestId("dashboard-ADMIN").getByRole("link", { name: /Users/ }).click();
      await page.waitForURL(`${BASE_URL}/admin/users`);
      await visible(page.locator('[data-testid="user-row"][data-email="admin@demo.com"]'));
    } finally {
      await context.close();
    }
  });
});
