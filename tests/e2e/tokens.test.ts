// API tokens on the users page and the API reference: an admin makes a token for themself, sees it
// once, a script uses it (no cookie), the admin revokes it and the script is refused; /api-docs
// shows the operations of the OpenAPI document.
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, assertText, demo, launchBrowser, openTab, signIn, unique, visible } from "./helpers";

/** Serious and critical WCAG 2.1 A/AA violations (as tests/e2e/a11y.test.ts counts them). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

describe("API tokens and the API reference", () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test("an admin makes a token, a script uses it, the admin revokes it", async () => {
    const admin = demo("ADMIN");
    const { context, page, pageErrors } = await openTab(browser);
    try {
      await signIn(page, admin.email, admin.password, admin.role);
      await page.goto("/admin/users");
      const section = await visible(page.getByTestId("api-tokens"));
      const name = `E2E script ${unique()}`;
      await section.getByRole("button", { name: "New token" }).click();
      const form = section.getByRole("form", { name: /^New API token for/ });
      await form.getByLabel("Name").fill(name);
      await form.getByRole("button", { name: "Create token" }).click();
      const shown = await visible(section.getByTestId("new-token"));
      const token = (await shown.innerText()).trim();
      assert.match(token, /^mes_[A-Za-z0-9_-]{43}$/);
      const row = section.getByTestId("token-row").filter({ hasText: name });
      await assertText(row, "active");
      await assertText(row, token.slice(0, 10));
      assert.deepEqual(await seriousViolations(page), []);

      // A script: no cookie, only the token.
      const asScript = async () => (await fetch(`${BASE_URL}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status;
      assert.equal(await asScript(), 200);

      await section.getByRole("button", { name: "Done" }).click();
      assert.equal(await section.getByTestId("new-token").count(), 0);
      await row.getByRole("button", { name: `Revoke token ${name}` }).click();
      await assertText(row, "revoked");
      assert.equal(await asScript(), 401);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("/api-docs shows the operations with their permission and body", async () => {
    const viewer = demo("VIEWER");
    const { context, page, pageErrors } = await openTab(browser);
    try {
      await signIn(page, viewer.email, viewer.password, viewer.role);
      await page.goto("/api-docs");
      await visible(page.getByRole("heading", { name: "API reference", level: 1 }));
      const op = page.getByTestId("api-operation").filter({ hasText: "Create a manufacturing order" });
      await op.locator("summary").click();
      await assertText(op, "mo:write");
      await assertText(op, "productId");
      assert.deepEqual(await seriousViolations(page), []);
      await page.getByLabel("Filter").fill("/api/tokens");
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="api-operation"]').length === 3);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
