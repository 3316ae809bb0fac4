// Stock by location and lot on the screens (docs/locations.md "Screens"): a manager makes a lot-tracked
// product and its form shows the tracking; the inventory user receives it in two lots with an expiry
// into STOCK (the lot code is required, SCRAP is not offered), finds both in the ledger filtered by lot
// and by location (and downloads the ledger of one lot), takes one lot down with a reason, and the
// product form refuses to stop tracking while stock is on hand. Then a location is edited on screen
// (renamed and made a quarantine; a code in use refused in plain words), and the serials of a receipt
// and lots ticked on the lot list print their labels on one sheet.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { BASE_URL, assertText, demo, launchBrowser, openTab, screenshot, signIn, unique, visible, type Tab } from "./helpers";

const DESK = { width: 1280, height: 800 };
// "Z…" sorts after the demo products, so the levels page other suites read keeps its first page.
const SKU = `ZLOT-${unique().toUpperCase()}`;
const LOT_A = `LA-${unique().toUpperCase()}`;
const LOT_B = `LB-${unique().toUpperCase()}`;
// A SCRAP location, to show the receipt form leaves it out (and the adjustment form does not).
const SCRAP_BIN = `AFV-${unique().toUpperCase()}`;
/** The new product's page (set by the first test). */
let productPath = "";

/** Picks the test's product (or `sku`) in the product picker of a form or filter. */
async function pickProduct(scope: Locator | Page, sku = SKU): Promise<void> {
  await scope.getByRole("searchbox", { name: "Product" }).fill(sku);
  await scope.getByTestId("product-picker-results").getByRole("button", { name: new RegExp(`^${sku}\\b`) }).click();
  await assertText(scope.getByTestId("picked-product"), sku);
}

/** The value of the option of a select whose text contains `text`. */
async function optionValue(select: Locator, text: string): Promise<string> {
  const option = select.locator("option", { hasText: text });
  assert.equal(await option.count(), 1, `one option reads ${text}`);
  return (await option.getAttribute("value"))!;
}

/** The text of the one option of a select whose text contains `text` (options are not "visible" to wait for). */
async function optionText(select: Locator, text: string): Promise<string> {
  const option = select.locator("option", { hasText: text });
  assert.equal(await option.count(), 1, `one option reads ${text}`);
  return (await option.textContent()) ?? "";
}

/** The ledger's filters. */
function filters(page: Page): Locator {
  return page.getByRole("search", { name: "Filter the ledger" });
}

/** The text of a select's chosen option. */
function chosenText(select: Locator): Promise<string> {
  return select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
}

/** The ledger rows on screen, as "location|lot|source". */
function ledgerRows(page: Page): Promise<string[]> {
  return page.getByTestId("ledger-row").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-location")}|${e.getAttribute("data-lot")}|${e.getAttribute("data-source")}`));
}

describe("stock by location and lot", () => {
  let browser: Browser;
  let manager: Tab;
  let inventory: Tab;

  before(async () => {
    browser = await launchBrowser();
    manager = await openTab(browser);
    inventory = await openTab(browser);
    await manager.page.setViewportSize(DESK);
    await inventory.page.setViewportSize(DESK);
    const m = demo("MANAGER");
    const i = demo("INVENTORY");
    await signIn(manager.page, m.email, m.password, m.role);
    await signIn(inventory.page, i.email, i.password, i.role);
    const res = await inventory.page.request.fetch("/api/locations", { method: "POST", data: { code: SCRAP_BIN, name: "E2E afval", kind: "SCRAP" }, headers: { Origin: BASE_URL } });
    assert.equal(res.status(), 201, await res.text());
  });

  after(async () => {
    await manager?.context.close();
    await inventory?.context.close();
    await browser?.close();
  });

  test("a new product tracked by lot: the product form shows its tracking", async () => {
    const { page, pageErrors } = manager;
    await page.goto("/products");
    await page.getByRole("button", { name: "New product" }).click();
    const form = page.getByRole("form", { name: "New product" });
    await form.getByLabel("SKU").fill(SKU);
    await form.getByLabel("Name", { exact: true }).fill("Lot-tracked glue");
    const tracking = form.getByTestId("product-tracking");
    assert.equal(await tracking.getByRole("radio", { name: /^Not tracked/ }).isChecked(), true, "a new product is untracked unless chosen");
    await tracking.getByRole("radio", { name: /^By lot/ }).check();
    await form.getByRole("button", { name: "Create product" }).click();
    await visible(page.locator(`[data-testid="product-detail"][data-sku="${SKU}"]`));
    productPath = new URL(page.url()).pathname;

    await page.getByRole("button", { name: "Edit product" }).click();
    const edit = page.getByRole("form", { name: `Edit ${SKU}` });
    const saved = edit.getByTestId("product-tracking");
    await assertText(saved, "Tracking");
    assert.equal(await saved.getByRole("radio", { name: /^By lot/ }).isChecked(), true, "the saved product is tracked by lot");
    assert.equal(await saved.getByRole("radio", { name: /^Not tracked/ }).isChecked(), false);
    await screenshot(page, "stock-lots-product-form");
    await edit.getByRole("button", { name: "Cancel" }).click();
    assert.deepEqual(pageErrors, []);
  });

  test("a receipt of a lot-tracked product into STOCK asks for the lot; two lots with their expiry are booked", async () => {
    const { page, pageErrors } = inventory;
    for (const [lot, quantity, expiry, first] of [
      [LOT_A, "10", "2027-03-31", true],
      [LOT_B, "5", "2027-06-30", false],
    ] as const) {
      await page.goto("/stock");
      await page.getByRole("button", { name: "Receive goods" }).click();
      const form = await visible(page.getByTestId("receipt-form"));
      await pickProduct(form);
      const location = form.getByLabel("Location", { exact: true });
      await page.waitForFunction(() => ((document.querySelector('[data-testid="location-select"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1);
      assert.match(await chosenText(location), /^STOCK\b/, "receipts go to STOCK unless chosen");
      const offered = await location.locator("option").allTextContents();
      assert.ok(offered.some((o) => o.startsWith("QC ")), `the other locations are offered: ${offered.join(" | ")}`);
      assert.ok(!offered.some((o) => o.includes(SCRAP_BIN) || o.includes("(Scrap)")), `no scrap location is offered: ${offered.join(" | ")}`);
      const lotCode = await visible(form.getByLabel("Lot code", { exact: true }));
      await form.getByLabel("Quantity (pcs)").fill(quantity);
      if (first) {
        // The lot code is the API's rule for a lot-tracked product, said before sending.
        await form.getByRole("button", { name: "Book receipt" }).click();
        await assertText(form, "Enter the lot code");
        assert.equal(await lotCode.getAttribute("aria-invalid"), "true");
      }
      await lotCode.fill(lot);
      await form.getByLabel("Expiry date (optional)").fill(expiry);
      await form.getByRole("button", { name: "Book receipt" }).click();
      const notice = page.getByTestId("stock-notice");
      await assertText(notice, `Received ${quantity} pcs of ${SKU}`);
      await assertText(notice, `Location STOCK, lot ${lot}.`);
    }
    assert.deepEqual(pageErrors, []);
  });

  test("the ledger shows location and lot, and filters by lot and by location", async () => {
    const { page, pageErrors } = inventory;
    await page.goto("/stock/ledger");
    await visible(page.getByRole("heading", { level: 1, name: "Stock ledger" }));
    const table = await visible(page.getByTestId("ledger-table"));
    const headers = (await table.locator("thead th").allInnerTexts()).map((h) => h.trim().toLowerCase());
    assert.ok(headers.includes("location") && headers.includes("lot"), `the columns include Location and Lot: ${headers.join(" | ")}`);
    await pickProduct(filters(page));
    await page.waitForURL(/productId=/);

    const lotFilter = await visible(page.getByTestId("ledger-lot-filter"));
    const lotA = await optionValue(lotFilter, LOT_A);
    assert.match(await optionText(lotFilter, LOT_A), /Mar 31, 2027/);
    await lotFilter.selectOption(lotA);
    await page.waitForURL(new RegExp(`lotId=${lotA}`));
    await page.waitForFunction((lot) => {
      const rows = [...document.querySelectorAll('[data-testid="ledger-row"]')];
      return rows.length === 1 && rows[0]!.getAttribute("data-lot") === lot;
    }, LOT_A);
    const row = page.getByTestId("ledger-row");
    await assertText(row.getByTestId("ledger-location"), "STOCK");
    await assertText(row, "+10");
    const link = row.getByTestId("ledger-lot").getByRole("link", { name: LOT_A });
    assert.equal(await link.getAttribute("href"), `/stock/lots/${lotA}`);

    // The filter is in the address: a reload keeps the lot.
    await page.reload();
    await visible(page.getByTestId("ledger-row").first());
    await page.waitForFunction((id) => (document.querySelector('[data-testid="ledger-lot-filter"]') as HTMLSelectElement | null)?.value === id, lotA);
    assert.match(await chosenText(page.getByTestId("ledger-lot-filter")), new RegExp(`^${LOT_A}\\b`));
    assert.deepEqual(await ledgerRows(page), [`STOCK|${LOT_A}|RECEIPT`]);

    // The export takes the same filters: the CSV holds that lot's receipt only, with location and lot.
    const download = page.waitForEvent("download");
    await page.getByTestId("export-ledger").getByRole("button", { name: /CSV/ }).click();
    const { readFileSync } = await import("node:fs");
    const lines = readFileSync((await (await download).path())!, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    const header = lines[0]!.split(",");
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(",").map((v, i) => [header[i], v])));
    assert.deepEqual(rows.map((r) => [r.productSku, r.location, r.lot, r.sourceType, r.change]), [[SKU, "STOCK", LOT_A, "RECEIPT", "10"]]);

    // All lots, at STOCK: both receipts.
    await page.getByTestId("ledger-lot-filter").selectOption("");
    const locationFilter = page.getByTestId("ledger-location-filter");
    await locationFilter.selectOption(await optionValue(locationFilter, "STOCK ("));
    await page.waitForURL(/locationId=/);
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="ledger-row"]')];
      return rows.length === 2 && rows.every((r) => r.getAttribute("data-location") === "STOCK");
    });
    assert.deepEqual((await ledgerRows(page)).sort(), [`STOCK|${LOT_A}|RECEIPT`, `STOCK|${LOT_B}|RECEIPT`].sort());
    assert.ok(!page.url().includes("lotId="), "All lots leaves the lot out of the address");
    await screenshot(page, "stock-lots-ledger");

    // Another location holds none of it.
    await locationFilter.selectOption(await optionValue(locationFilter, "QC ·"));
    await assertText(page.getByRole("main"), "No entries match");
    assert.equal(await page.getByTestId("ledger-row").count(), 0);
    assert.deepEqual(pageErrors, []);
  });

  test("an adjustment takes one lot down with a reason", async () => {
    const { page, pageErrors } = inventory;
    await page.goto("/stock");
    await page.getByRole("button", { name: "Adjust stock" }).click();
    const form = await visible(page.getByTestId("adjust-form"));
    await pickProduct(form);
    await form.getByRole("radio", { name: "Remove from stock" }).check();
    const lot = await visible(form.getByLabel("Lot", { exact: true }));
    await page.waitForFunction(() => ((document.querySelector('[data-testid="lot-select"]') as HTMLSelectElement | null)?.options.length ?? 0) > 2);
    assert.match(await optionText(lot, LOT_A), /expires Mar 31, 2027 · 10 pcs here$/);
    assert.match(await optionText(lot, LOT_B), /expires Jun 30, 2027 · 5 pcs here$/);
    // An adjustment may be at any location, a scrap one too.
    const locations = await form.getByLabel("Location", { exact: true }).locator("option").allTextContents();
    assert.ok(locations.some((o) => o.includes(SCRAP_BIN)), `the adjustment offers every active location: ${locations.join(" | ")}`);

    // Without a lot the form says so and sends nothing.
    await form.getByLabel("Quantity (pcs)").fill("3");
    await form.getByLabel("Reason").fill("E2E: damaged drum");
    await form.getByRole("button", { name: "Save adjustment" }).click();
    await assertText(form, "Choose the lot");

    await lot.selectOption(await optionValue(lot, LOT_A));
    await assertText(form, "10 pcs on hand at STOCK.");
    await form.getByRole("button", { name: "Save adjustment" }).click();
    const notice = page.getByTestId("stock-notice");
    await assertText(notice, `Removed 3 pcs of ${SKU}`);
    await assertText(notice, "On hand now: 12 pcs.");
    await assertText(notice, `Location STOCK, lot ${LOT_A}.`);

    // The ledger of that lot: the correction with its reason on top of the receipt.
    await page.goto("/stock/ledger");
    await pickProduct(filters(page));
    const lotFilter = await visible(page.getByTestId("ledger-lot-filter"));
    await lotFilter.selectOption(await optionValue(lotFilter, LOT_A));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="ledger-row"]').length === 2);
    assert.deepEqual(await ledgerRows(page), [`STOCK|${LOT_A}|MANUAL`, `STOCK|${LOT_A}|RECEIPT`]);
    const top = page.getByTestId("ledger-row").first();
    await assertText(top, "−3");
    await assertText(top, "E2E: damaged drum");
    assert.deepEqual(pageErrors, []);
  });

  test("with stock on hand the product form refuses to change the tracking and says why", async () => {
    const { page, pageErrors } = manager;
    assert.ok(productPath, "the first test made the product");
    await page.goto(productPath);
    await visible(page.locator(`[data-testid="product-detail"][data-sku="${SKU}"]`));
    await page.getByRole("button", { name: "Edit product" }).click();
    const edit = page.getByRole("form", { name: `Edit ${SKU}` });
    const tracking = edit.getByTestId("product-tracking");
    await assertText(tracking, "Can only change while nothing of the product is on hand.");
    await tracking.getByRole("radio", { name: /^Not tracked/ }).check();
    await edit.getByRole("button", { name: "Save product" }).click();
    await assertText(edit.getByRole("alert"), "has stock on hand");
    await assertText(tracking, `${SKU} has stock on hand: bring it to zero in every location before changing how it is tracked.`);
    await screenshot(page, "stock-lots-tracking-refused");
    await edit.getByRole("button", { name: "Cancel" }).click();
    assert.deepEqual(pageErrors, []);
  });

  test("a location is edited on screen: a code in use is refused in plain words; renamed and made a quarantine", async () => {
    const { page, pageErrors } = inventory;
    await page.goto("/stock/locations");
    // A default location keeps its kind: the control is locked and says why.
    await (await visible(page.locator('[data-testid="location"][data-code="STOCK"]'))).click();
    await page.getByTestId("location-edit").click();
    let form = await visible(page.getByTestId("location-edit-form"));
    assert.equal(await form.getByLabel("Kind").isDisabled(), true, "a default location's kind is locked");
    await assertText(form, "A default location keeps its kind");
    await form.getByRole("button", { name: "Cancel" }).click();

    await page.locator(`[data-testid="location"][data-code="${SCRAP_BIN}"]`).click();
    await page.getByTestId("location-edit").click();
    form = await visible(page.getByTestId("location-edit-form"));
    await assertText(form.getByRole("heading"), `Edit ${SCRAP_BIN}`);
    await form.getByLabel("Code").fill("qc");
    await form.getByRole("button", { name: "Save location" }).click();
    await assertText(form.getByTestId("location-edit-refused"), "Another location already has the code qc. Choose another code.");

    await form.getByLabel("Code").fill(SCRAP_BIN);
    await form.getByLabel("Name").fill("E2E quarantaine");
    await form.getByLabel("Kind").selectOption("QUARANTINE");
    await screenshot(page, "stock-location-edit");
    await form.getByRole("button", { name: "Save location" }).click();
    await page.getByTestId("location-edit-form").waitFor({ state: "detached" });
    await assertText(page.locator(`[data-testid="location"][data-code="${SCRAP_BIN}"]`), "E2E quarantaine · Quarantine");
    const res = await page.request.get("/api/locations?includeInactive=1");
    const saved = ((await res.json()) as { items: { code: string; name: string; kind: string }[] }).items.find((l) => l.code === SCRAP_BIN);
    assert.deepEqual(saved && { name: saved.name, kind: saved.kind }, { name: "E2E quarantaine", kind: "QUARANTINE" });
    assert.deepEqual(pageErrors, []);
  });

  test("a receipt of serials prints all their labels at once; lots ticked on the list print on one sheet", async () => {
    const { page, pageErrors } = inventory;
    const sku = `ZSER-${unique().toUpperCase()}`;
    const made = await manager.page.request.fetch("/api/products", {
      method: "POST",
      data: { sku, name: "Serial pump", isFinished: false, uom: "pcs", tracking: "SERIAL" },
      headers: { Origin: BASE_URL },
    });
    assert.equal(made.status(), 201, await made.text());
    const serials = ["001", "002", "003"].map((n) => `SN-${unique().toUpperCase()}-${n}`);
    await page.goto("/stock");
    await page.getByRole("button", { name: "Receive goods" }).click();
    const form = await visible(page.getByTestId("receipt-form"));
    await pickProduct(form, sku);
    await form.getByLabel("Quantity (pcs)").fill("3");
    await (await visible(form.getByLabel("Serial numbers (one per line)"))).fill(serials.join("\n"));
    await form.getByRole("button", { name: "Book receipt" }).click();
    const link = await visible(page.getByTestId("stock-notice").getByTestId("serial-labels-link"));
    await assertText(link, "Print the 3 serial labels");
    await link.click();
    await page.waitForURL(/\/stock\/lots\/labels\?ids=/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="stock-label"]').length === 3);
    const labels = page.getByTestId("stock-label");
    for (let i = 0; i < 3; i++) {
      await assertText(labels.nth(i), serials[i]!);
      assert.match((await labels.nth(i).getAttribute("data-code")) ?? "", /^LOT-[0-9A-F]{32}$/);
    }
    await screenshot(page, "stock-serial-labels");

    // On the lot list: tick the two lots of the first product, one sheet of two labels.
    await page.goto("/stock/lots");
    await pickProduct(page.getByRole("search", { name: "Filter the lots" }));
    for (const code of [LOT_A, LOT_B]) await (await visible(page.locator(`[data-testid="lot-row"][data-code="${code}"]`).getByRole("checkbox"))).check();
    await (await visible(page.getByTestId("lot-labels-link"))).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="stock-label"]').length === 2);
    await assertText(page.getByTestId("stock-label").first(), LOT_A);
    await assertText(page.getByTestId("stock-label").nth(1), LOT_B);
    assert.deepEqual(pageErrors, []);
  });
});
