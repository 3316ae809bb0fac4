// The forms as a new user meets them: messages next to the field that name it by its label (never
// the API's key), "Enter a number" for text in a number field, a warning for a deadline in the past,
// whole numbers for counted units, and typed input that survives a session ending mid-form.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { BASE_URL, assertText, demo, launchBrowser, openTab, screenshot, signIn, submitSignIn, unique, visible } from "./helpers";

const manager = demo("MANAGER");

/** The text of the note a field points at with aria-describedby (its error, warning or hint). */
async function noteOf(page: Page, field: Locator): Promise<string> {
  const id = await field.getAttribute("aria-describedby");
  assert.ok(id, "the field points at its message");
  return (await page.locator(`[id="${id}"]`).innerText()).trim();
}

/** Records the API writes a page sends (to show that a refused form sent nothing). */
function writesOf(page: Page): string[] {
  const writes: string[] = [];
  page.on("request", (r) => {
    if (r.method() !== "GET" && r.url().includes("/api/") && !r.url().includes("/api/auth/")) writes.push(`${r.method()} ${r.url()}`);
  });
  return writes;
}

describe("forms", () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test("a refused product form shows each message under its field with the field's label", async () => {
    const { context, page, pageErrors } = await openTab(browser);
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      await page.goto("/products");
      await page.getByRole("button", { name: "New product" }).click();
      const form = page.getByRole("form", { name: "New product" });
      const writes = writesOf(page);
      await form.getByLabel("Name").fill("Form test part");
      await form.getByLabel("Unit cost (optional)").fill("abc");
      await form.getByLabel("Reorder point (optional)").fill("-2");
      await form.getByRole("button", { name: "Create product" }).click();

      await assertText(form.getByRole("alert"), "Check the marked fields: SKU, Unit cost, Reorder point.");
      const sku = form.getByLabel("SKU");
      assert.equal(await sku.getAttribute("aria-invalid"), "true");
      assert.equal(await noteOf(page, sku), "SKU is required");
      // Text in a number field is "Enter a number", not a range message about a number it is not.
      assert.equal(await noteOf(page, form.getByLabel("Unit cost (optional)")), "Enter a number");
      assert.equal(await noteOf(page, form.getByLabel("Reorder point (optional)")), "Reorder point must be 0 or more");
      assert.equal(await form.getByText(/\b(sku|unitCost|reorderPoint):/).count(), 0, "no raw keys");
      await screenshot(page, "forms-field-errors");
      assert.deepEqual(writes, [], "nothing was sent");

      // Fixed, the same form is accepted by the API.
      const code = `FORM-${unique().toUpperCase()}`;
      await sku.fill(code);
      await form.getByLabel("Unit cost (optional)").fill("2,5");
      await form.getByLabel("Reorder point (optional)").fill("");
      await form.getByRole("button", { name: "Create product" }).click();
      await visible(page.locator(`[data-testid="product-detail"][data-sku="${code}"]`));
      assert.equal(writes.length, 1);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("a new order warns about a deadline in the past and takes whole numbers of a counted product", async () => {
    const { context, page, pageErrors } = await openTab(browser);
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      await page.goto("/mos/new");
      const form = page.getByRole("form", { name: "New manufacturing order" });
      await form.getByLabel("Product to make").fill("TABLE-100");
      await form.getByRole("button", { name: /^TABLE-100\b/ }).click();
      await visible(form.getByTestId("chosen-product"));

      const deadline = form.getByLabel("Deadline");
      await deadline.fill("2020-01-15");
      assert.match(await noteOf(page, deadline), /in the past/);
      await deadline.fill("2999-01-15");
      assert.equal(await noteOf(page, deadline), "Late after the end of this day.");
      await deadline.fill("2020-01-15");

      const writes = writesOf(page);
      const quantity = form.getByLabel(/^Quantity/);
      await quantity.fill("1.5");
      await form.getByRole("button", { name: "Create order" }).click();
      await assertText(form.getByRole("alert"), "Check the marked field: Quantity");
      assert.match(await noteOf(page, quantity), /is counted in pcs: use a whole number/);
      assert.deepEqual(writes, []);

      // A past deadline is a warning, not a refusal: the order is created.
      await quantity.fill("2");
      await form.getByLabel("Order name").fill(`Late order ${unique()}`);
      await form.getByRole("button", { name: "Create order" }).click();
      await page.waitForURL(/\/mos\/[0-9a-f-]{36}$/);
      await visible(page.getByTestId("mo-detail"));
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("a session that ends mid-form: sign in again and the form comes back filled", async () => {
    const { context, page, pageErrors } = await openTab(browser);
    const customer = `Draft Corp ${unique()}`;
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      await page.goto("/mos/new");
      const form = page.getByRole("form", { name: "New manufacturing order" });
      await form.getByLabel("Product to make").fill("TABLE-100");
      await form.getByRole("button", { name: /^TABLE-100\b/ }).click();
      await form.getByLabel(/^Quantity/).fill("3");
      await form.getByLabel("Customer name").fill(customer);
      await form.getByLabel("Notes").fill("Typed before the session ended.");

      // The session ends (cookie gone) while the planner types; the submit meets a 401.
      await context.clearCookies();
      await form.getByRole("button", { name: "Create order" }).click();
      await page.waitForURL(/\/signin\?/);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get("callbackUrl"), "/mos/new");
      await submitSignIn(page, manager.email, manager.password);
      await page.waitForURL(`${BASE_URL}/mos/new`);

      const again = page.getByRole("form", { name: "New manufacturing order" });
      await visible(again.getByTestId("draft-restored"));
      await assertText(again.getByTestId("chosen-product"), "TABLE-100");
      assert.equal(await again.getByLabel(/^Quantity/).inputValue(), "3");
      assert.equal(await again.getByLabel("Customer name").inputValue(), customer);
      assert.equal(await again.getByLabel("Notes").inputValue(), "Typed before the session ended.");
      await screenshot(page, "forms-draft-restored");

      await again.getByRole("button", { name: "Create order" }).click();
      await page.waitForURL(/\/mos\/[0-9a-f-]{36}$/);
      await assertText(page.getByTestId("customer-fields"), customer);

      // Sent, the draft is gone: a new form starts empty.
      await page.goto("/mos/new");
      const fresh = page.getByRole("form", { name: "New manufacturing order" });
      await visible(fresh.getByLabel("Customer name"));
      assert.equal(await fresh.getByLabel("Customer name").inputValue(), "");
      assert.equal(await fresh.getByTestId("draft-restored").count(), 0);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
