// Transfers and counts on the screens (docs/locations.md "Screens: transfers and counts"), as the
// demo inventory user: a transfer of part of SCR-01 from STOCK to QC changes both locations' count
// sheets and lists itself under the recent transfers; a count of QC with one difference posts one COUNT
// entry; a count whose line moved (stock transferred through the API between reading the sheet and
// sending it) is refused with that line marked and its new expected on-hand, the other counts typed
// are kept, and the recount posts. What moved is moved back at the end (suites share the database).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { assertText, demo, launchBrowser, openTab, screenshot, signIn, visible, type Tab } from "./helpers";

const DESK = { width: 1280, height: 800 };
const SKU = "SCR-01";
const OTHER = "STEEL-01";
const STOCK = "00000000-0000-4000-8000-000000000101";
const QC = "00000000-0000-4000-8000-000000000104";

/** A number as the English screens write it ("1,234.5" → 1234.5). */
const num = (text: string) => Number(text.replace(/[^\d.-]/g, ""));

/** Chooses the option of a location select whose text starts with the location's code. */
async function chooseLocation(select: Locator, code: string): Promise<void> {
  const option = select.locator("option").filter({ hasText: new RegExp(`^${code}( ·| \\()`) });
  // The locations load after the page: wait for the option before counting.
  await option.first().waitFor({ state: "attached" });
  assert.equal(await option.count(), 1, `one option is ${code}`);
  await select.selectOption((await option.getAttribute("value"))!);
}

/** A line of the count sheet on screen (untracked: no lot). */
function line(page: Page, sku: string): Locator {
  return page.locator(`[data-testid="count-line"][data-sku="${sku}"][data-lot=""]`);
}

/** Opens the count sheet of a location. */
async function openSheet(page: Page, code: string): Promise<Locator> {
  await page.goto("/stock/counts");
  await visible(page.getByRole("heading", { level: 1, name: "Stock counts" }));
  await chooseLocation(page.getByTestId("count-location"), code);
  const sheet = await visible(page.getByTestId("count-sheet"));
  await assertText(sheet.getByRole("heading", { level: 2 }), `Count sheet ${code}`);
  return sheet;
}

/** What the count sheet of a location expects of SCR-01 (0 when it is not listed). */
async function expectedOnSheet(page: Page, code: string, sku = SKU): Promise<number> {
  await openSheet(page, code);
  const l = line(page, sku);
  if (!(await l.count())) return 0;
  return num(await l.getByTestId("count-expected-qty").innerText());
}

/** The on-hand of a product at a location through the API (for the moves made behind the screen's back). */
async function onHandApi(page: Page, locationId: string, sku = SKU): Promise<number> {
  return page.evaluate(
    async ([id, s]) => {
      const r = await fetch(`/api/locations/${id}`);
      const body = (await r.json()) as { stock: { onHand: number; lot: unknown; product: { sku: string } }[] };
      return body.stock.filter((x) => x.product.sku === s && !x.lot).reduce((n, x) => n + x.onHand, 0);
    },
    [locationId, sku] as const,
  );
}

/** A transfer through the API from the signed-in page (same origin, its session). */
async function transferApi(page: Page, from: string, to: string, quantity: number): Promise<number> {
  return page.evaluate(
    async ([f, t, q]) => {
      const products = (await (await fetch(`/api/stock?q=SCR-01`)).json()) as { items: { productId: string; sku: string }[] };
      const productId = products.items.find((p) => p.sku === "SCR-01")!.productId;
      const r = await fetch("/api/stock/transfers", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ productId, quantity: q, fromLocationId: f, toLocationId: t, note: "e2e: moved behind the sheet" }) });
      return r.status;
    },
    [from, to, quantity] as const,
  );
}

describe("transfers and counts", () => {
  let browser: Browser;
  let inventory: Tab;
  let qcAtStart = 0;

  before(async () => {
    browser = await launchBrowser();
    inventory = await openTab(browser);
    await inventory.page.setViewportSize(DESK);
    const user = demo("INVENTORY");
    await signIn(inventory.page, user.email, user.password, user.role);
    qcAtStart = await onHandApi(inventory.page, QC);
  });

  after(async () => {
    // Back to where it was: what this suite put into QC goes back to STOCK.
    const page = inventory?.page;
    if (page) {
      const extra = (await onHandApi(page, QC)) - qcAtStart;
      if (extra > 0) assert.equal(await transferApi(page, QC, STOCK, extra), 201);
    }
    await inventory?.context.close();
    await browser?.close();
  });

  test("a transfer from STOCK to QC moves the stock: both count sheets change and the transfer is listed", async () => {
    const { page, pageErrors } = inventory;
    const stockBefore = await expectedOnSheet(page, "STOCK");
    const qcBefore = await expectedOnSheet(page, "QC");
    assert.ok(stockBefore >= 5, `STOCK holds at least 5 ${SKU} (has ${stockBefore})`);

    await page.goto("/stock/transfers");
    await visible(page.getByRole("heading", { level: 1, name: "Stock transfers" }));
    await visible(page.getByRole("link", { name: "Transfers", exact: true }));
    await visible(page.getByRole("link", { name: "Counts", exact: true }));
    await visible(page.getByRole("link", { name: "Lots", exact: true }));
    const form = await visible(page.getByTestId("transfer-form"));
    await form.getByRole("searchbox", { name: "Product" }).fill(SKU);
    await form.getByTestId("product-picker-results").getByRole("button", { name: new RegExp(`^${SKU}\\b`) }).click();
    await assertText(form.getByTestId("picked-product"), SKU);
    await chooseLocation(form.getByTestId("transfer-from"), "STOCK");
    // The on-hand at the source is under the quantity.
    await assertText(form, `On hand at STOCK: ${stockBefore.toLocaleString("en-US")} pack`);

    // Without a destination nothing is sent; the same location twice is refused in the form.
    await form.getByLabel("Quantity (pack)").fill("5");
    await form.getByRole("button", { name: "Transfer", exact: true }).click();
    await assertText(form, "Choose where the stock goes.");
    await chooseLocation(form.getByTestId("transfer-to"), "STOCK");
    await form.getByRole("button", { name: "Transfer", exact: true }).click();
    await assertText(form, "Choose another location than the one it comes from.");

    await chooseLocation(form.getByTestId("transfer-to"), "QC");
    await form.getByRole("button", { name: "Transfer", exact: true }).click();
    await assertText(page.getByTestId("transfer-notice"), `Moved 5 pack of ${SKU} from STOCK to QC.`);
    const latest = page.getByTestId("transfer-row").first();
    await assertText(latest, SKU);
    assert.equal(await latest.getByTestId("transfer-from-code").innerText(), "STOCK");
    assert.equal(await latest.getByTestId("transfer-to-code").innerText(), "QC");
    assert.equal(num(await latest.getByTestId("transfer-quantity").innerText()), 5);
    await screenshot(page, "stock-transfers-1280x800");

    // Taking more than is there is refused with the shortage at the source.
    await form.getByRole("searchbox", { name: "Product" }).fill(SKU);
    await form.getByTestId("product-picker-results").getByRole("button", { name: new RegExp(`^${SKU}\\b`) }).click();
    await chooseLocation(form.getByTestId("transfer-from"), "QC");
    await chooseLocation(form.getByTestId("transfer-to"), "STOCK");
    await form.getByLabel("Quantity (pack)").fill(String(qcBefore + 5 + 1000));
    await form.getByRole("button", { name: "Transfer", exact: true }).click();
    await visible(form.getByRole("alert").filter({ hasText: "The transfer was not booked" }));
    await assertText(form.getByTestId("transfer-shortages"), `at QC`);
    await assertText(form.getByTestId("transfer-shortages"), "short by 1,000 pack");

    assert.equal(await expectedOnSheet(page, "STOCK"), stockBefore - 5);
    assert.equal(await expectedOnSheet(page, "QC"), qcBefore + 5);
    assert.deepEqual(pageErrors, []);
  });

  test("a count of QC with one difference posts one COUNT entry", async () => {
    const { page, pageErrors } = inventory;
    const sheet = await openSheet(page, "QC");
    const expected = num(await line(page, SKU).getByTestId("count-expected-qty").innerText());
    // Every other line of QC is left empty: only what was counted is sent.
    await line(page, SKU).getByTestId("count-input").fill(String(expected + 2));
    await sheet.getByTestId("count-submit").click();
    const result = await visible(page.getByTestId("count-result"));
    await assertText(result, "Count of QC posted");
    await assertText(result, "1 line counted, 1 difference posted.");
    const variance = result.locator(`[data-testid="count-variance"][data-sku="${SKU}"]`);
    assert.equal((await variance.getByTestId("count-variance-change").innerText()).trim(), "+2 pack");
    // The sheet was read again: it now expects what was counted.
    await assertText(line(page, SKU).getByTestId("count-expected-qty"), (expected + 2).toLocaleString("en-US"));
    // The ledger has the COUNT entry at QC.
    const counts = await page.evaluate(async () => {
      const r = await fetch("/api/stock/ledger?sourceType=COUNT&locationId=00000000-0000-4000-8000-000000000104&pageSize=1");
      return ((await r.json()) as { items: { change: number; product: { sku: string } }[] }).items;
    });
    assert.deepEqual(counts.map((c) => [c.product.sku, c.change]), [[SKU, 2]]);
    assert.deepEqual(pageErrors, []);
  });

  test("a count sent after stock moved marks the moved line with its new on-hand, keeps the other counts, and the recount posts", async () => {
    const { page, pageErrors } = inventory;
    const sheet = await openSheet(page, "QC");
    const expected = num(await line(page, SKU).getByTestId("count-expected-qty").innerText());
    // A line found on the shelf that the sheet does not list: none of STEEL-01 is in QC.
    assert.equal(await line(page, OTHER).count(), 0);
    await sheet.getByTestId("count-add-line").click();
    const add = await visible(page.getByTestId("count-add"));
    await add.getByRole("searchbox", { name: "Product" }).fill(OTHER);
    await add.getByTestId("product-picker-results").getByRole("button", { name: new RegExp(`^${OTHER}\\b`) }).click();
    await add.getByTestId("count-add-confirm").click();
    await visible(line(page, OTHER));
    await assertText(line(page, OTHER), "Found");
    await line(page, OTHER).getByTestId("count-input").fill("0");
    await line(page, SKU).getByTestId("count-input").fill(String(expected));

    // Someone moves one pack out of QC after the sheet was read.
    assert.equal(await transferApi(page, QC, STOCK, 1), 201);
    await sheet.getByTestId("count-submit").click();

    await visible(sheet.getByRole("alert").filter({ hasText: "Stock moved since the sheet was read" }));
    const moved = line(page, SKU);
    assert.equal(await moved.getAttribute("data-moved"), "true");
    await assertText(moved.getByTestId("count-moved"), `Moved since read: was ${expected.toLocaleString("en-US")}, now ${(expected - 1).toLocaleString("en-US")}`);
    assert.equal(num(await moved.getByTestId("count-expected-qty").innerText()), expected - 1);
    assert.equal(await line(page, OTHER).getAttribute("data-moved"), null);
    assert.equal(await line(page, OTHER).getByTestId("count-input").inputValue(), "0", "the other count typed is kept");
    assert.equal(await moved.getByTestId("count-input").inputValue(), String(expected), "the moved line keeps what was typed until it is recounted");
    await screenshot(page, "stock-count-moved-1280x800");
    const ledgerBefore = await page.evaluate(async () => ((await (await fetch("/api/stock/ledger?sourceType=COUNT&pageSize=1")).json()) as { total: number }).total);

    // Recounted: two fewer than the new on-hand (this also takes back the +2 of the count before).
    await moved.getByTestId("count-input").fill(String(expected - 3));
    await sheet.getByTestId("count-submit").click();
    const result = await visible(page.getByTestId("count-result"));
    await assertText(result, "2 lines counted, 1 difference posted.");
    assert.equal((await result.locator(`[data-testid="count-variance"][data-sku="${SKU}"]`).getByTestId("count-variance-change").innerText()).trim(), "\u22122 pack", "a real minus sign, as the ledger writes it");
    const ledgerAfter = await page.evaluate(async () => ((await (await fetch("/api/stock/ledger?sourceType=COUNT&pageSize=1")).json()) as { total: number }).total);
    assert.equal(ledgerAfter, ledgerBefore + 1, "one COUNT entry: the refused count wrote nothing");
    assert.deepEqual(pageErrors, []);
  });

  test("the count sheet downloads as a blind PDF", async () => {
    const { page } = inventory;
    await openSheet(page, "QC");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the count sheet as PDF" }).click()]);
    assert.match(download.suggestedFilename(), /^count-sheet-QC_\d{4}-\d{2}-\d{2}\.pdf$/);
  });
});
