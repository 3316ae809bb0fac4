// Issue 13's whole story on the screens (docs/locations.md): the inventory user receives steel in two
// lots into STOCK and moves the one that expires first to QC; the planner orders brackets for a
// customer taking materials from STOCK only and completes the order, the steel picked first expiry
// first from STOCK (so the later lot, the earlier one being in QC); the output lot (the order number)
// is labelled, and traced back to the steel lot and forward to the customer's order.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { apiJson, assertText, demo, launchBrowser, openTab, screenshot, signIn, unique, visible, type Tab } from "./helpers";

const DESK = { width: 1280, height: 800 };
const u = unique().toUpperCase();
// "Z…" sorts after the demo products, so the levels page other suites read keeps its first page.
const SKU = { steel: `ZST-STL-${u}`, bracket: `ZST-BRK-${u}` };
const LOT_EARLY = `SE-${u}`; // expires first: moved to QC
const LOT_LATE = `SL-${u}`; // stays in STOCK
const CUSTOMER = "Brackets & Co";
const CUSTOMER_REF = `PO-${u}`;

async function pickProduct(scope: Locator, sku: string): Promise<void> {
  await scope.getByRole("searchbox", { name: "Product" }).fill(sku);
  await scope.getByTestId("product-picker-results").getByRole("button", { name: new RegExp(`^${sku}\\b`) }).click();
  await assertText(scope.getByTestId("picked-product"), sku);
}

/** Chooses the option of a select whose text starts with `prefix`, once the options have loaded. */
async function choose(select: Locator, prefix: RegExp): Promise<void> {
  const option = select.locator("option").filter({ hasText: prefix });
  await option.first().waitFor({ state: "attached" });
  assert.equal(await option.count(), 1, `one option matches ${prefix}`);
  await select.selectOption((await option.getAttribute("value"))!);
}

/** On hand of the steel per (location code, lot code), from the API (what the screens show is checked on them). */
async function steelByKey(page: Page, steelId: string): Promise<Record<string, number>> {
  const lots = await apiJson<{ items: { id: string; code: string }[] }>(page.request, "GET", `/api/lots?productId=${steelId}`);
  const out: Record<string, number> = {};
  for (const l of lots.items) {
    const lot = await apiJson<{ balances: { location: { code: string }; onHand: number }[] }>(page.request, "GET", `/api/lots/${l.id}`);
    for (const b of lot.balances) out[`${b.location.code}/${l.code}`] = b.onHand;
  }
  return out;
}

describe("locations and lots, the whole story", () => {
  let browser: Browser;
  let inventory: Tab;
  let manager: Tab;
  const ids = { steel: "", bracket: "", moId: "", orderNo: "" };

  before(async () => {
    browser = await launchBrowser();
    inventory = await openTab(browser);
    manager = await openTab(browser);
    for (const [tab, role] of [
      [inventory, "INVENTORY"],
      [manager, "MANAGER"],
    ] as const) {
      await tab.page.setViewportSize(DESK);
      const user = demo(role);
      await signIn(tab.page, user.email, user.password, user.role);
    }
    // The products and the BOM (their screens have their own tests): lot-tracked steel, brackets of 2 kg each.
    const admin = await openTab(browser);
    const a = demo("ADMIN");
    await signIn(admin.page, a.email, a.password, a.role);
    const r = admin.page.request;
    const steel = await apiJson<{ id: string }>(r, "POST", "/api/products", { sku: SKU.steel, name: `Story steel ${u}`, isFinished: false, uom: "kg", tracking: "LOT" });
    const bracket = await apiJson<{ id: string }>(r, "POST", "/api/products", { sku: SKU.bracket, name: `Story bracket ${u}`, isFinished: true, uom: "pcs", tracking: "LOT" });
    await apiJson(r, "PUT", `/api/products/${bracket.id}/bom`, { components: [{ materialId: steel.id, qtyPerUnit: 2 }], operations: [{ title: "Bend", workCenterId: null, minutesPerUnit: 1 }] });
    Object.assign(ids, { steel: steel.id, bracket: bracket.id });
    await admin.context.close();
  });

  after(async () => {
    await inventory?.context.close();
    await manager?.context.close();
    await browser?.close();
  });

  test("inventory receives the steel in two lots into STOCK and moves the one that expires first to QC", async () => {
    const { page, pageErrors } = inventory;
    for (const [lot, expiry] of [
      [LOT_EARLY, "2027-03-31"],
      [LOT_LATE, "2027-09-30"],
    ] as const) {
      await page.goto("/stock");
      await page.getByRole("button", { name: "Receive goods" }).click();
      const form = await visible(page.getByTestId("receipt-form"));
      await pickProduct(form, SKU.steel);
      await page.waitForFunction(() => ((document.querySelector('[data-testid="location-select"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1);
      await form.getByLabel("Quantity (kg)").fill("10");
      await (await visible(form.getByLabel("Lot code", { exact: true }))).fill(lot);
      await form.getByLabel("Expiry date (optional)").fill(expiry);
      await form.getByRole("button", { name: "Book receipt" }).click();
      await assertText(page.getByTestId("stock-notice"), `Location STOCK, lot ${lot}.`);
    }

    await page.goto("/stock/transfers");
    const form = await visible(page.getByTestId("transfer-form"));
    await pickProduct(form, SKU.steel);
    await choose(form.getByTestId("transfer-from"), /^STOCK( ·| \()/);
    await choose(form.getByTestId("transfer-to"), /^QC( ·| \()/);
    await choose(form.getByTestId("transfer-lot"), new RegExp(`^${LOT_EARLY}\\b`));
    await form.getByLabel("Quantity (kg)").fill("10");
    await form.getByRole("button", { name: "Transfer", exact: true }).click();
    await assertText(page.getByTestId("transfer-notice"), `Moved 10 kg of ${SKU.steel} (lot ${LOT_EARLY}) from STOCK to QC.`);
    assert.deepEqual(await steelByKey(page, ids.steel), { [`QC/${LOT_EARLY}`]: 10, [`STOCK/${LOT_LATE}`]: 10 });
    assert.deepEqual(pageErrors, []);
  });

  test("the planner orders brackets for a customer from STOCK and completes it: the steel comes first expiry first from STOCK only", async () => {
    const { page, pageErrors } = manager;
    await page.goto("/mos/new");
    const form = page.getByRole("form", { name: "New manufacturing order" });
    await form.getByLabel("Product to make").fill(SKU.bracket);
    await form.getByRole("button", { name: new RegExp(`^${SKU.bracket}\\b`) }).click();
    await visible(form.getByTestId("chosen-product"));
    await form.getByLabel(/^Quantity/).fill("3");
    await form.getByLabel("Sub-assembly orders").selectOption("none");
    const source = form.getByLabel("Takes materials from");
    assert.equal(await source.locator("option", { hasText: /^QC\b/ }).count(), 0, "a quarantine location is no source");
    await choose(source, /^STOCK$/);
    await form.getByLabel("Customer name").fill(CUSTOMER);
    await form.getByLabel("Customer reference").fill(CUSTOMER_REF);
    await form.getByRole("button", { name: "Create order" }).click();
    await page.waitForURL(/\/mos\/[0-9a-f-]{36}$/);
    ids.moId = page.url().split("/").pop()!;
    const facts = await visible(page.getByTestId("location-facts"));
    await assertText(facts, "STOCK");
    await assertText(facts, "Default: FG");
    ids.orderNo = (await apiJson<{ orderNo: string }>(page.request, "GET", `/api/mos/${ids.moId}`)).orderNo;

    await page.getByRole("button", { name: "Complete…" }).click();
    const confirm = page.getByTestId("complete-panel");
    const lots = await visible(confirm.getByTestId("completion-lots"));
    // The output lot defaults to the order number; the steel is left to first-expiry-first-out.
    assert.equal(await lots.getByLabel("Lot code of what was made").getAttribute("placeholder"), ids.orderNo);
    const steelLot = lots.locator(`[data-testid="component-lot"][data-sku="${SKU.steel}"]`).getByRole("combobox");
    assert.match(await steelLot.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? ""), /^First expiry first/);
    await screenshot(page, "lots-story-complete");
    await confirm.getByRole("button", { name: "Complete order" }).click();
    await assertText(page.getByTestId("mo-notice"), `${ids.orderNo} is done: 3 pcs of ${SKU.bracket} added to stock.`);

    // 6 kg of the later lot from STOCK; the earlier lot in QC untouched.
    assert.deepEqual(await steelByKey(page, ids.steel), { [`QC/${LOT_EARLY}`]: 10, [`STOCK/${LOT_LATE}`]: 4 });
    assert.deepEqual(pageErrors, []);
  });

  test("the output lot is labelled and traced back to the steel lot and forward to the customer's order", async () => {
    const { page, pageErrors } = manager;
    const out = await apiJson<{ items: { id: string; code: string }[] }>(page.request, "GET", `/api/lots?productId=${ids.bracket}`);
    assert.deepEqual(
      out.items.map((l) => l.code),
      [ids.orderNo],
      "the output lot is named after the order",
    );
    const outId = out.items[0]!.id;
    await page.goto(`/stock/lots/${outId}`);
    await assertText(page.getByTestId("lot-code"), ids.orderNo);
    const up = await visible(page.getByTestId("trace-upstream"));
    await assertText(up, ids.orderNo);
    await assertText(up, CUSTOMER);
    await visible(up.locator(`[data-testid="trace-lot"][data-code="${LOT_LATE}"]`));
    assert.equal(await up.locator(`[data-testid="trace-lot"][data-code="${LOT_EARLY}"]`).count(), 0, "the lot in QC went into nothing");
    await screenshot(page, "lots-story-output-lot");

    // Forward from the steel: the order and the customer it was made for.
    await up.locator(`[data-testid="trace-lot"][data-code="${LOT_LATE}"]`).click();
    await assertText(page.getByTestId("lot-code"), LOT_LATE);
    const down = await visible(page.getByTestId("trace-downstream"));
    await visible(down.locator(`[data-testid="downstream-mo"][data-order="${ids.orderNo}"]`));
    await visible(down.locator(`[data-testid="downstream-lot"][data-code="${ids.orderNo}"]`));
    await assertText(down, CUSTOMER);
    await assertText(down, CUSTOMER_REF);

    // The label of the output lot carries its scannable code.
    await page.goto(`/stock/lots/${outId}/label`);
    const label = await visible(page.getByTestId("stock-label"));
    await assertText(label, ids.orderNo);
    await visible(label.getByRole("img", { name: `Barcode of LOT-${outId.replace(/-/g, "").toUpperCase()}` }));
    assert.deepEqual(pageErrors, []);
  });
});
