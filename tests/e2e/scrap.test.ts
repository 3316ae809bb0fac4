// Scrap of stock in the browser: the scrap form (a reason is required; the order is found by its
// number), the SCRAP row in the ledger with its reason, and the scrap report downloaded from the
// reports page with its reason filter. The scrapped units are received back at the end, so the shared
// database's stock is as the other suites expect it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { assertText, BASE_URL, demo, launchBrowser, openTab, signIn, visible, type Tab } from "./helpers";

const DESK = { width: 1280, height: 800 };

function row(page: Page, sku: string): Locator {
  return page.locator(`[data-testid="level-row"][data-sku="${sku}"]`);
}

async function onHand(page: Page, sku: string): Promise<number> {
  const text = await visible(row(page, sku).getByTestId("on-hand")).then((l) => l.innerText());
  return Number(text.replace(/[^\d.]/g, ""));
}

describe("scrap of stock", () => {
  let browser: Browser;
  let inventory: Tab;
  let scrapped = 0;

  before(async () => {
    browser = await launchBrowser();
    inventory = await openTab(browser);
    await inventory.page.setViewportSize(DESK);
    const user = demo("INVENTORY");
    await signIn(inventory.page, user.email, user.password, user.role);
  });

  after(async () => {
    // Put back what was scrapped (a receipt), so on-hand is what it was.
    if (scrapped > 0 && inventory) {
      const levels = (await (await inventory.page.request.get("/api/stock?q=SCR-01")).json()) as { items: { productId: string; sku: string }[] };
      const screws = levels.items.find((l) => l.sku === "SCR-01")!;
      const res = await inventory.page.request.fetch("/api/stock/receipts", {
        method: "POST",
        data: { productId: screws.productId, quantity: scrapped, reference: "E2E-SCRAP-RETURN" },
        headers: { Origin: BASE_URL },
      });
      assert.equal(res.status(), 201);
    }
    await inventory?.context.close();
    await browser?.close();
  });

  test("the scrap form needs a reason, books the scrap on the order it names, and the ledger shows it with its reason", async () => {
    const { page, pageErrors } = inventory;
    await page.goto("/stock");
    const before = await onHand(page, "SCR-01");

    await row(page, "SCR-01").getByRole("button", { name: "Scrap SCR-01" }).click();
    const form = await visible(page.getByTestId("scrap-form"));
    await assertText(form.getByTestId("picked-product"), "SCR-01");
    await form.getByLabel("Quantity (pack)").fill("2");
    await form.getByRole("button", { name: "Book scrap" }).click();
    await assertText(form, "Choose why the stock is scrapped");

    await form.getByLabel("Reason").selectOption("QUALITY");
    await form.getByLabel("Find the order the scrap belongs to").fill("MO-");
    const orders = form.getByTestId("scrap-order");
    await page.waitForFunction(() => ((document.querySelector('[data-testid="scrap-order"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1);
    const orderNo = (await orders.locator("option").nth(1).innerText()).split(" · ")[0]!;
    await orders.selectOption({ index: 1 });
    await form.getByLabel("Note (optional)").fill("Scratched in assembly");
    await form.getByRole("button", { name: "Book scrap" }).click();

    await assertText(page.getByTestId("stock-notice"), "Scrapped 2 pack of SCR-01");
    scrapped = 2;
    await assertText(page.getByTestId("stock-notice"), "(Quality)");
    await page.waitForFunction(
      ([sku, expected]) => {
        const cell = document.querySelector(`[data-testid="level-row"][data-sku="${sku}"] [data-testid="on-hand"]`);
        return cell !== null && Number(cell.textContent?.replace(/[^\d.]/g, "")) === expected;
      },
      ["SCR-01", before - 2] as const,
    );

    await page.goto("/stock/ledger?sourceType=SCRAP");
    const first = await visible(page.locator('[data-testid="ledger-row"][data-source="SCRAP"][data-sku="SCR-01"]').first());
    await assertText(first, "Scrap");
    await assertText(first.getByTestId("scrap-reason"), "Reason: Quality");
    await assertText(first, "Scratched in assembly");
    await first.getByRole("link", { name: "View order" }).click();
    await assertText(page.getByRole("heading", { level: 1 }), orderNo);
    assert.deepEqual(pageErrors, []);
  });

  test("the reports page downloads the scrap report filtered by reason", async () => {
    const { page, pageErrors } = inventory;
    await page.goto("/reports");
    const card = await visible(page.getByTestId("report-scrap"));
    await card.getByTestId("scrap-reason-filter").selectOption("QUALITY");
    const download = page.waitForEvent("download");
    await card.getByRole("button", { name: /CSV/ }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^scrap_.*\.csv$/);
    const lines = readFileSync((await file.path())!, "utf8").replace(/^\uFEFF/, "").trim().split(/\r\n/);
    assert.match(lines[0]!, /^date,productSku,productName,quantity,uom,reason,orderNo/);
    const rows = lines.slice(1, -1);
    assert.ok(rows.some((l) => l.includes("SCR-01") && l.includes("QUALITY") && l.includes("STOCK")), lines.join("\n"));
    assert.ok(rows.every((l) => l.includes("QUALITY")), "only QUALITY rows");
    assert.deepEqual(pageErrors, []);
  });
});
