import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, alertIn, assertText, demo, launchBrowser, openTab, screenshot, signIn, submitSignIn, unique, visible } from "./helpers";

const admin = demo("ADMIN");

async function openUsersPage(page: Page): Promise<void> {
  await signIn(page, admin.email, admin.password, admin.role);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await page.waitForURL(`${BASE_URL}/admin/users`);
  await visible(page.getByTestId("user-row").first());
}

/** Types into the search box and waits for the list to show exactly the row of `email`. */
async function search(page: Page, email: string) {
  await page.getByLabel("Search").fill(email);
  const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  await visible(row);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-row"]').length === 1);
  return row;
}

/** Answers the confirmation dialog `title` with its button `confirm` and waits for it to close. */
async function confirmDialog(page: Page, title: string, confirm: string): Promise<void> {
  const dialog = await visible(page.getByRole("dialog", { name: title }));
  await dialog.getByRole("button", { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: "detached" });
}

async function createUser(page: Page, u: { name: string; email: string; role: string; password: string }): Promise<void> {
  await page.getByRole("button", { name: "New user" }).click();
  const form = page.getByRole("form", { name: "New user" });
  await form.getByLabel("Name").fill(u.name);
  await form.getByLabel("Email").fill(u.email);
  await form.getByLabel("Role").selectOption(u.role);
  await form.getByLabel("Password", { exact: true }).fill(u.password);
  await form.getByRole("button", { name: "Create user" }).click();
}

describe("users administration", () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test("the admin creates a user and changes their role", async () => {
    const { context, page, pageErrors } = await openTab(browser);
    const email = `new-${unique()}@example.com`;
    try {
      await openUsersPage(page);
      await screenshot(page, "users-768x1024");
      await createUser(page, { name: "Nora Newcomer", email, role: "OPERATOR", password: "Welcome123" });
      await assertText(page.getByTestId("users-notice"), `Nora Newcomer (${email}) was created.`);

      const row = await search(page, email);
      await assertText(row, "Nora Newcomer");
      await visible(row.getByText("Active", { exact: true }));
      const roleSelect = row.getByLabel("Role of Nora Newcomer");
      assert.equal(await roleSelect.inputValue(), "OPERATOR");

      // Picking a role saves nothing: a dialog names the person and the new role first.
      const patches: string[] = [];
      page.on("request", (r) => {
        if (r.method() === "PATCH" && r.url().includes("/api/users/")) patches.push(r.url());
      });
      await roleSelect.selectOption("MANAGER");
      const dialog = await visible(page.getByRole("dialog", { name: "Make Nora Newcomer Manager?" }));
      await assertText(dialog, `Nora Newcomer (${email}) changes from Operator to Manager`);
      await screenshot(page, "users-confirm-role");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await dialog.waitFor({ state: "detached" });
      assert.equal(await roleSelect.inputValue(), "OPERATOR", "canceling puts the stored role back");
      assert.deepEqual(patches, [], "nothing was saved on select or on cancel");

      await roleSelect.selectOption("MANAGER");
      await confirmDialog(page, "Make Nora Newcomer Manager?", "Make Manager");
      await assertText(page.getByTestId("users-notice"), "Nora Newcomer is now Manager.");
      assert.equal(patches.length, 1);

      // The change is stored, not only shown: reload and look again.
      await page.reload();
      const again = await search(page, email);
      assert.equal(await again.getByLabel("Role of Nora Newcomer").inputValue(), "MANAGER");
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("a password that breaks the policy shows the API's message", async () => {
    const { context, page } = await openTab(browser);
    try {
      await openUsersPage(page);
      await createUser(page, { name: "Weak Password", email: `weak-${unique()}@example.com`, role: "VIEWER", password: "short" });
      // The message sits under the field and names it by its label, not by the API's key.
      const form = page.getByRole("form", { name: "New user" });
      await assertText(form.getByRole("alert"), "Check the marked field: Password");
      await assertText(form, "Password must be at least 8 characters");
      assert.equal(await form.getByText("password: must", { exact: false }).count(), 0);
      const password = form.getByLabel("Password", { exact: true });
      assert.equal(await password.getAttribute("aria-invalid"), "true");
      const describedBy = await password.getAttribute("aria-describedby");
      assert.ok(describedBy);
      assert.equal((await page.locator(`[id="${describedBy}"]`).innerText()).trim(), "Password must be at least 8 characters");
      await screenshot(page, "users-create-error");
    } finally {
      await context.close();
    }
  });

  test("a duplicate email shows the API's conflict message", async () => {
    const { context, page } = await openTab(browser);
    try {
      await openUsersPage(page);
      await createUser(page, { name: "Second Viewer", email: "viewer@demo.com", role: "VIEWER", password: "Welcome123" });
      await assertText(page.getByRole("form", { name: "New user" }).getByRole("alert"), "A user with this email already exists.");
    } finally {
      await context.close();
    }
  });

  test("the last active admin cannot be deactivated or demoted", async () => {
    const { context, page } = await openTab(browser);
    try {
      await openUsersPage(page);
      const row = await search(page, admin.email);
      await row.getByRole("button", { name: /Deactivate/ }).click();
      await confirmDialog(page, "Deactivate Admin User?", "Deactivate");
      await assertText(page.getByTestId("users-notice").getByRole("alert"), "Admin User: This is the last active admin");
      await page.getByTestId("users-notice").getByRole("button", { name: "Dismiss" }).click();
      await page.getByTestId("users-notice").waitFor({ state: "detached" });

      await row.getByLabel(`Role of ${admin.name}`).selectOption("VIEWER");
      await confirmDialog(page, "Make Admin User Viewer?", "Make Viewer");
      await assertText(page.getByTestId("users-notice").getByRole("alert"), "This is the last active admin");
      // The select shows the stored role again, and the admin is still active.
      await page.waitForFunction(() => (document.querySelector('[data-email="admin@demo.com"] select') as HTMLSelectElement | null)?.value === "ADMIN");
      await visible(row.getByText("Active", { exact: true }));
    } finally {
      await context.close();
    }
  });

  test("a reset password works for sign-in, and a deactivated user cannot sign in", async () => {
    const adminTab = await openTab(browser);
    const email = `reset-${unique()}@example.com`;
    try {
      const { page } = adminTab;
      await openUsersPage(page);
      await createUser(page, { name: "Rita Reset", email, role: "INVENTORY", password: "FirstPass123" });
      await assertText(page.getByTestId("users-notice"), "was created");
      const row = await search(page, email);

      await row.getByRole("button", { name: /Reset password/ }).click();
      await page.getByLabel("New password for Rita Reset").fill("SecondPass456");
      await screenshot(page, "users-reset-password");
      await page.getByRole("button", { name: "Save password" }).click();
      await assertText(page.getByTestId("users-notice"), "The password of Rita Reset was reset.");

      const userTab = await openTab(browser);
      try {
        await signIn(userTab.page, email, "SecondPass456", "INVENTORY");
      } finally {
        await userTab.context.close();
      }

      await row.getByRole("button", { name: /Deactivate/ }).click();
      const deactivate = await visible(page.getByRole("dialog", { name: "Deactivate Rita Reset?" }));
      await assertText(deactivate, `Rita Reset (${email}) can no longer sign in`);
      await screenshot(page, "users-confirm-deactivate");
      await deactivate.getByRole("button", { name: "Deactivate", exact: true }).click();
      await assertText(page.getByTestId("users-notice"), "Rita Reset was deactivated");
      await visible(row.getByText("Deactivated", { exact: true }));
      await visible(row.getByRole("button", { name: /Reactivate/ }));

      const blockedTab = await openTab(browser);
      try {
        await blockedTab.page.goto("/signin");
        await submitSignIn(blockedTab.page, email, "SecondPass456");
        // The right password of a deactivated account: refused, and the page says why (the sign-in change of issue 9).
        await assertText(alertIn(blockedTab.page), "This account was deactivated.");
        assert.match(blockedTab.page.url(), /\/signin/);
      } finally {
        await blockedTab.context.close();
      }

      await row.getByRole("button", { name: /Reactivate/ }).click();
      await confirmDialog(page, "Reactivate Rita Reset?", "Reactivate");
      await assertText(page.getByTestId("users-notice"), "Rita Reset was reactivated");
      await visible(row.getByText("Active", { exact: true }));
    } finally {
      await adminTab.context.close();
    }
  });

  test("Deactivate asks first, and ending all sessions of a user signs them out everywhere", async () => {
    const adminTab = await openTab(browser);
    const userTab = await openTab(browser);
    const email = `sessions-${unique()}@example.com`;
    try {
      const { page, pageErrors } = adminTab;
      await openUsersPage(page);
      await createUser(page, { name: "Sid Sessions", email, role: "VIEWER", password: "Sessions123" });
      await assertText(page.getByTestId("users-notice"), "was created");
      const row = await search(page, email);

      // One click on Deactivate only asks; Cancel leaves the person active.
      await row.getByRole("button", { name: /Deactivate/ }).click();
      const dialog = await visible(page.getByRole("dialog", { name: "Deactivate Sid Sessions?" }));
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await dialog.waitFor({ state: "detached" });
      await visible(row.getByText("Active", { exact: true }));

      await signIn(userTab.page, email, "Sessions123", "VIEWER");
      await row.getByRole("button", { name: /End all sessions/ }).click();
      await confirmDialog(page, "End all sessions of Sid Sessions?", "End all sessions");
      await assertText(page.getByTestId("users-notice"), /Ended [1-9]\d* sessions? of Sid Sessions: they must sign in again\./);

      // The user's open tab is signed out: the next page load goes to the sign-in page.
      await userTab.page.goto("/");
      await userTab.page.waitForURL(/\/signin/);
      assert.deepEqual(pageErrors, []);
    } finally {
      await userTab.context.close();
      await adminTab.context.close();
    }
  });
});
