// The stock screens: levels, receipts, manual adjustments (a reason is required, an over-withdrawal
// shows the API's shortage list), the ledger's product filter, and a viewer's read-only view.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { assertText, demo, launchBrowser, openTab, screenshot, signIn, visible, type Tab } from "./helpers";

const DESK = { width: 1280, height: 800 };

function row(page: Page, sku: string): Locator {
  return page.locator(`[data-testid="level-row"][data-sku="${sku}"]`);
}

/** The on-hand number of a product's row ("1,234.5 pcs" → 1234.5). */
async function onHand(page: Page, sku: string): Promise<number> {
  const text = await visible(row(page, sku).getByTestId("on-hand")).then((l) => l.innerText());
  return Number(text.replace(/[^\d.]/g, ""));
}

describe("stock screens", () => {
  let browser: Browser;
  let inventory: Tab;

  before(async () => {
    browser = await launchBrowser();
    inventory = await openTab(browser);
    await inventory.page.setViewportSize(DESK);
    const user = demo("INVENTORY");
    await signIn(inventory.page, user.email, user.password, user.role);
  });

  after(async () => {
    await inventory?.context.close();
    await browser?.close();
  });

  test("a receipt raises the level", async () => {
    const { page, pageErrors } = inventory;
    await page.goto("/stock");
    await visible(page.getByRole("heading", { level: 1, name: "Stock" }));
    const before = await onHand(page, "SCR-01");
    await screenshot(page, "stock-levels-1280x800");

    await row(page, "SCR-01").getByRole("button", { name: "Receive SCR-01" }).click();
    const form = await visible(page.getByTestId("receipt-form"));
    await assertText(form.getByTestId("picked-product"), "SCR-01");
    await form.getByLabel("Quantity (pack)").fill("25");
    await form.getByLabel("Reference (optional)").fill("PO-E2E-1");
    await form.getByRole("button", { name: "Book receipt" }).click();

    await assertText(page.getByTestId("stock-notice"), "Received 25 pack of SCR-01");
    await page.waitForFunction(
      ([sku, expected]) => {
        const cell = document.querySelector(`[data-testid="level-row"][data-sku="${sku}"] [data-testid="on-hand"]`);
        return cell !== null && Number(cell.textContent?.replace(/[^\d.]/g, "")) === expected;
      },
      ["SCR-01", before + 25] as const,
    );
    assert.equal(await onHand(page, "SCR-01"), before + 25);
    assert.deepEqual(pageErrors, []);
  });

  test("an adjustment without a reason is refused in the form; taking out too much shows the shortage list", async () => {
    const { page, pageErrors } = inventory;
    await page.goto("/stock");
    const before = await onHand(page, "STEEL-01");
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/api/stock/")) posts.push(r.url());
    });

    await row(page, "STEEL-01").getByRole("button", { name: "Adjust STEEL-01" }).click();
    const form = await visible(page.getByTestId("adjust-form"));
    await form.getByRole("radio", { name: "Remove from stock" }).check();
    await form.getByLabel("Quantity (pcs)").fill("1");
    await form.getByRole("button", { name: "Save adjustment" }).click();
    await assertText(form, "Give the reason for this adjustment");
    assert.equal(await form.getByLabel("Reason").getAttribute("aria-invalid"), "true");
    assert.deepEqual(posts, [], "nothing was sent without a reason");

    await form.getByLabel("Quantity (pcs)").fill(String(before + 1000));
    await form.getByLabel("Reason").fill("E2E: count difference");
    await form.getByRole("button", { name: "Save adjustment" }).click();
    const alert = await visible(form.getByRole("alert").filter({ hasText: "The adjustment was not saved" }));
    const shortage = await visible(alert.getByTestId("shortage-list"));
    await assertText(shortage, "STEEL-01");
    await assertText(shortage, `short by ${(1000).toLocaleString("en-US")} pcs`);
    assert.equal(posts.length, 1);

    await form.getByRole("button", { name: "Cancel" }).click();
    assert.equal(await onHand(page, "STEEL-01"), before, "the refused adjustment changed nothing");
    // The refusal is recorded for inventory users and shows in the shortages panel, live.
    await assertText(page.getByTestId("recent-shortages"), "STEEL-01");
    assert.deepEqual(pageErrors, []);
  });

  test("the product picker never covers the form: no focus on open, matches in the page flow, a tap elsewhere picks nothing", async () => {
    const { page, pageErrors } = inventory;
    await page.goto("/stock");
    await page.getByRole("button", { name: "Receive goods" }).click();
    const form = await visible(page.getByTestId("receipt-form"));
    const search = form.getByRole("searchbox", { name: "Product" });
    await visible(search);
    assert.equal(await search.evaluate((el) => el === document.activeElement), false, "the search box does not take the focus by itself");
    assert.equal(await form.getByTestId("product-picker-results").count(), 0, "no list of matches before anything is typed");

    await search.fill("S");
    const results = await visible(form.getByTestId("product-picker-results"));
    await visible(results.getByRole("button").first());
    await screenshot(page, "stock-picker-open");
    // Quantity and the submit button are what a tap at their place hits (nothing floats over them).
    const quantity = form.getByLabel("Quantity");
    const submit = form.getByRole("button", { name: "Book receipt" });
    for (const [name, target] of [["Quantity", quantity], ["Book receipt", submit]] as const) {
      await target.scrollIntoViewIfNeeded();
      const hit = await target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return at !== null && (at === el || el.contains(at));
      });
      assert.ok(hit, `${name} is not covered by the list of matches`);
    }
    const list = (await results.boundingBox())!;
    const q = (await quantity.boundingBox())!;
    assert.ok(list.y + list.height <= q.y, "the matches sit above Quantity, in the flow of the page");

    // A tap on Quantity and on the submit button picks no product: the form asks for one.
    await quantity.click();
    await quantity.fill("3");
    await submit.click();
    await assertText(form, "Choose a product");
    assert.equal(await form.getByTestId("picked-product").count(), 0);
    await form.getByRole("button", { name: "Cancel" }).click();
    assert.deepEqual(pageErrors, []);
  });

  test("the ledger filters by product", async () => {
    const { page, pageErrors } = inventory;
    await page.goto("/stock/ledger");
    await visible(page.getByRole("heading", { level: 1, name: "Stock ledger" }));
    await visible(page.getByTestId("ledger-row").first());
    const skus = new Set(await page.getByTestId("ledger-row").evaluateAll((els) => els.map((e) => e.getAttribute("data-sku"))));
    assert.ok(skus.has("SCR-01") && skus.has("STEEL-01"), "unfiltered, the ledger lists several products");

    await page.getByRole("searchbox", { name: "Product" }).fill("SCR");
    await page.getByTestId("product-picker-results").getByRole("button", { name: /^SCR-01\b/ }).click();
    await page.waitForURL(/productId=/);
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="ledger-row"]')];
      return rows.length > 0 && rows.every((r) => r.getAttribute("data-sku") === "SCR-01");
    });
    await assertText(page.getByTestId("ledger-row").first(), "PO-E2E-1");

    // The filter lives in the address: a reload keeps it, with the product's name.
    await page.reload();
    await assertText(page.getByTestId("picked-product"), "SCR-01");
    // The product's label and the ledger rows load separately: wait for the rows too.
    await visible(page.getByTestId("ledger-row").first());
    const after = await page.getByTestId("ledger-row").evaluateAll((els) => els.map((e) => e.getAttribute("data-sku")));
    assert.ok(after.length > 0 && after.every((s) => s === "SCR-01"));
    await screenshot(page, "stock-ledger-1280x800");

    await page.getByRole("combobox", { name: "Source" }).selectOption("RECEIPT");
    await page.waitForURL(/sourceType=RECEIPT/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="ledger-row"]')].every((r) => r.getAttribute("data-source") === "RECEIPT"));
    assert.deepEqual(pageErrors, []);
  });

  test("a viewer sees levels and ledger but no forms", async () => {
    const viewer = await openTab(browser);
    try {
      const { page, pageErrors } = viewer;
      await page.setViewportSize(DESK);
      const user = demo("VIEWER");
      await signIn(page, user.email, user.password, user.role);
      await page.goto("/stock");
      await visible(row(page, "STEEL-01"));
      for (const name of ["Receive goods", "Adjust stock", /^Receive/, /^Adjust/]) {
        assert.equal(await page.getByRole("button", { name }).count(), 0, `no ${String(name)} button`);
      }
      assert.equal(await page.getByTestId("recent-shortages").count(), 0);

      await page.getByRole("link", { name: "Ledger" }).click();
      await visible(page.getByTestId("ledger-row").first());
      assert.equal(await page.getByRole("form").count(), 0);
      assert.equal(await page.getByRole("button", { name: /Receive|Adjust|Book|Save/ }).count(), 0);
      assert.deepEqual(pageErrors, []);
    } finally {
      await viewer.context.close();
    }
  });
});
