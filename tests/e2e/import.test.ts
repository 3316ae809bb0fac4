// The import wizard: a manager downloads the products template, fills it in with a renamed column and
// one bad number, uploads it, maps the column, sees the preview, the dry run shows the error row and
// nothing is written; the fixed file checks clean, imports, and the products are there.
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, assertText, demo, launchBrowser, openTab, signIn, unique, visible } from "./helpers";

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

describe("import wizard", () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test("template → map → preview → dry run with an error row → fix → import → the products exist", async () => {
    const manager = demo("MANAGER");
    const { context, page, pageErrors } = await openTab(browser);
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
      await page.waitForURL(`${BASE_URL}/import`);
      await visible(page.getByRole("heading", { name: "1. What to import" }));

      // The template the page links to: its header, our rows, the column "name" renamed.
      const href = await page.getByRole("link", { name: "CSV", exact: true }).getAttribute("href");
      assert.equal(href, "/api/import/products/template?format=csv");
      const template = await (await page.request.get(`${BASE_URL}${href}`)).text();
      const header = template.replace(/^\uFEFF/, "").split(/\r?\n/)[0]!;
      assert.equal(header, "sku,name,description,is_finished,uom,unit_cost,reorder_point");
      const u = unique().toUpperCase();
      const file = (cost: string) =>
        [header.replace(",name,", ",Product name,"), `E2E-${u}-1,Wizard bracket ${u},,false,pcs,2.5,10`, `E2E-${u}-2,Wizard plate ${u},,false,pcs,${cost},`].join("\n") + "\n";

      await page.getByLabel("CSV or Excel file").setInputFiles({ name: "products.csv", mimeType: "text/csv", buffer: Buffer.from(file("abc")) });
      await page.getByRole("button", { name: "Read the file" }).click();

      // Mapping: "name" was not recognised; choose the renamed column.
      const nameField = await visible(page.getByLabel("name *"));
      assert.equal(await nameField.inputValue(), "");
      await nameField.selectOption("Product name");
      await assertText(page.getByTestId("import-preview"), `E2E-${u}-1`);
      assert.deepEqual(await seriousViolations(page), []);

      await page.getByRole("button", { name: "Dry run" }).click();
      const errors = await visible(page.getByTestId("import-errors"));
      await assertText(errors, "unit_cost is not a number: abc.");
      const errorRow = errors.locator("tbody tr");
      assert.equal(await errorRow.count(), 1);
      assert.equal((await errorRow.locator("td").first().innerText()).trim(), "3");
      assert.ok(await page.getByRole("button", { name: "Import", exact: true }).isDisabled());
      const nothing = await (await page.request.get(`${BASE_URL}/api/products?q=E2E-${u}`)).json();
      assert.equal((nothing as { total: number }).total, 0);

      // Fixed file, same mapping: clean, then imported.
      await page.getByLabel("CSV or Excel file").setInputFiles({ name: "products.csv", mimeType: "text/csv", buffer: Buffer.from(file("4")) });
      await page.getByRole("button", { name: "Read the file" }).click();
      await assertText(page.getByTestId("import-summary"), "No errors");
      assert.equal(await page.getByLabel("name *").inputValue(), "Product name");
      await page.getByRole("button", { name: "Import", exact: true }).click();
      await assertText(page.getByTestId("import-summary"), "Imported. 2 new, 0 changed, 0 unchanged.");

      await page.goto(`/products`);
      await page.getByPlaceholder("SKU or name").first().fill(`E2E-${u}`);
      await assertText(page.getByRole("main"), `Wizard bracket ${u}`);
      await assertText(page.getByRole("main"), `Wizard plate ${u}`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
