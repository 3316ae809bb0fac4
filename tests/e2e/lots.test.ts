// The lot screens (docs/locations.md "Lot pages, trace, certificate and labels"): set up through the
// API a lot-tracked steel received in a lot that expires soon and a frame order that consumes it and
// is completed into an output lot for a customer; then in the browser the lot list (filtered by
// product, the expiry marked), the output lot's page with the steel lot and the MO upstream, the
// steel lot's page with the MO and the output lot downstream, the certificate downloaded as a PDF,
// the lot's label with its QR code and Code128, a scanned lot label opening its page, and a location label.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, apiJson, assertText, demo, launchBrowser, openTab, screenshot, signIn, unique, visible, type Tab } from "./helpers";

const DESK = { width: 1280, height: 800 };
const STOCK = "00000000-0000-4000-8000-000000000101";
const u = unique().toUpperCase();
// "Z…" sorts after the demo products, so the levels page other suites read keeps its first page.
const SKU = { steel: `ZTR-STL-${u}`, frame: `ZTR-FRM-${u}` };
const STEEL_LOT = `ST-${u}`;
const FRAME_LOT = `FR-${u}`;

/** The printed code of a lot label (lib/scan/codes.ts lotLabelCode). */
const lotLabel = (id: string) => `LOT-${id.replace(/-/g, "").toUpperCase()}`;

/** Waits until an <img> has loaded a picture and an <svg> barcode has bars. */
async function codesDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="stock-label"] [data-testid="wo-qr"]');
    const bars = document.querySelectorAll('[data-testid="stock-label"] [data-testid="wo-barcode"] rect').length;
    return Boolean(img && img.complete && img.naturalWidth > 0 && bars > 10);
  });
}

describe("lot pages, trace, certificate and labels", () => {
  let browser: Browser;
  let admin: Tab;
  const ids = { steel: "", frame: "", steelLot: "", frameLot: "", moId: "", orderNo: "" };

  before(async () => {
    browser = await launchBrowser();
    admin = await openTab(browser);
    await admin.page.setViewportSize(DESK);
    const a = demo("ADMIN");
    await signIn(admin.page, a.email, a.password, a.role);
    const r = admin.page.request;
    const steel = await apiJson<{ id: string }>(r, "POST", "/api/products", { sku: SKU.steel, name: `Trace steel ${u}`, isFinished: false, uom: "pcs", tracking: "LOT" });
    const frame = await apiJson<{ id: string }>(r, "POST", "/api/products", { sku: SKU.frame, name: `Trace frame ${u}`, isFinished: true, uom: "pcs", tracking: "LOT" });
    await apiJson(r, "PUT", `/api/products/${frame.id}/bom`, { components: [{ materialId: steel.id, qtyPerUnit: 2 }], operations: [{ title: "Weld", workCenterId: null, minutesPerUnit: 1 }] });
    // Expires in 10 days: marked "Expires soon".
    const expiresAt = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await apiJson(r, "POST", "/api/stock/receipts", { productId: steel.id, quantity: 10, lotCode: STEEL_LOT, expiresAt });
    const mo = await apiJson<{ id: string; orderNo: string }>(r, "POST", "/api/mos", { name: `E2E trace ${u}`, productId: frame.id, quantity: 2, childOrders: "none", customerName: "Acme Frames", customerRef: `PO-${u}` });
    await apiJson(r, "POST", `/api/mos/${mo.id}/complete`, { outputLotCode: FRAME_LOT });
    const steelLots = await apiJson<{ items: { id: string; code: string }[] }>(r, "GET", `/api/lots?productId=${steel.id}`);
    const frameLots = await apiJson<{ items: { id: string; code: string }[] }>(r, "GET", `/api/lots?productId=${frame.id}`);
    Object.assign(ids, { steel: steel.id, frame: frame.id, steelLot: steelLots.items[0]!.id, frameLot: frameLots.items[0]!.id, moId: mo.id, orderNo: mo.orderNo });
  });

  after(async () => {
    await admin?.context.close();
    await browser?.close();
  });

  test("the lot list, filtered by product, marks a lot that expires soon", async () => {
    const { page, pageErrors } = admin;
    await page.goto("/stock/lots");
    await visible(page.getByRole("heading", { level: 1, name: "Lots" }));
    await page.getByRole("searchbox", { name: "Product" }).fill(SKU.steel);
    await page.getByTestId("product-picker-results").getByRole("button", { name: new RegExp(`^${SKU.steel}\\b`) }).click();
    const row = page.locator(`[data-testid="lot-row"][data-code="${STEEL_LOT}"]`);
    await assertText(row, "Expires soon");
    await assertText(row, "6");
    assert.equal(await page.getByTestId("lot-row").count(), 1);
    await screenshot(page, "lots-list-1280x800");
    assert.deepEqual(pageErrors, []);
  });

  test("the output lot's page shows the steel lot and the MO upstream; the steel lot's page the MO and the output lot downstream", async () => {
    const { page, pageErrors } = admin;
    await page.goto(`/stock/lots/${ids.frameLot}`);
    await assertText(page.getByTestId("lot-code"), FRAME_LOT);
    const up = await visible(page.getByTestId("trace-upstream"));
    await assertText(up, ids.orderNo);
    await assertText(up, "Acme Frames");
    const steelLink = up.locator(`[data-testid="trace-lot"][data-code="${STEEL_LOT}"]`);
    await visible(steelLink);
    assert.equal(await up.locator(`[data-testid="trace-mo"][data-order="${ids.orderNo}"]`).first().getAttribute("href"), `/mos/${ids.moId}`);
    await assertText(page.getByTestId("trace-downstream"), "Not used in any manufacturing order yet.");
    await screenshot(page, "lot-output-1280x800");

    await steelLink.click();
    await page.waitForURL(`${BASE_URL}/stock/lots/${ids.steelLot}`);
    await assertText(page.getByTestId("lot-code"), STEEL_LOT);
    const down = await visible(page.getByTestId("trace-downstream"));
    await visible(down.locator(`[data-testid="downstream-mo"][data-order="${ids.orderNo}"]`));
    await visible(down.locator(`[data-testid="downstream-lot"][data-code="${FRAME_LOT}"]`));
    await assertText(down, "used 4");
    await assertText(page.getByTestId("trace-upstream"), "Received, not made here.");
    await assertText(page.locator('[data-testid="lot-balance"][data-location="STOCK"]'), "6");
    await screenshot(page, "lot-component-1280x800");
    assert.deepEqual(pageErrors, []);
  });

  test("the certificate downloads as a PDF", async () => {
    const { page, pageErrors } = admin;
    await page.goto(`/stock/lots/${ids.frameLot}`);
    const link = await visible(page.getByTestId("lot-certificate"));
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    assert.match(download.suggestedFilename(), new RegExp(`^traceability-certificate_${SKU.frame}_${FRAME_LOT}\\.pdf$`));
    const file = await download.path();
    assert.ok(file, "the download was saved");
    assert.equal((await readFile(file)).subarray(0, 5).toString(), "%PDF-");
    // The same address answers a PDF to a plain request.
    const res = await page.request.get((await link.getAttribute("href"))!);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()["content-type"], "application/pdf");
    assert.deepEqual(pageErrors, []);
  });

  test("the lot's label carries its code as a QR code and a Code128; scanning it opens the lot", async () => {
    const { page, pageErrors } = admin;
    await page.goto(`/stock/lots/${ids.frameLot}`);
    await (await visible(page.getByTestId("lot-label-link"))).click();
    await page.waitForURL(`${BASE_URL}/stock/lots/${ids.frameLot}/label`);
    const label = await visible(page.getByTestId("stock-label"));
    assert.equal(await label.getAttribute("data-code"), lotLabel(ids.frameLot));
    await assertText(label, FRAME_LOT);
    await assertText(label, SKU.frame);
    await assertText(label, "Quantity: 2 pcs");
    await codesDrawn(page);
    await visible(label.getByRole("img", { name: `Barcode of ${lotLabel(ids.frameLot)}` }));
    await screenshot(page, "lot-label-1280x800");

    // A wedge scanner types the label's code into the lot list's scan box.
    await page.goto("/stock/lots");
    const box = await visible(page.getByTestId("scan-box").locator('input[name="code"]'));
    await box.fill(lotLabel(ids.steelLot));
    await box.press("Enter");
    await page.waitForURL(`${BASE_URL}/stock/lots/${ids.steelLot}`);
    await assertText(page.getByTestId("lot-code"), STEEL_LOT);
    assert.deepEqual(pageErrors, []);
  });

  test("a location's label, reached from the locations page", async () => {
    const { page, pageErrors } = admin;
    await page.goto(`/stock/locations?location=${STOCK}`);
    await (await visible(page.getByTestId("location-label-link"))).click();
    await page.waitForURL(`${BASE_URL}/stock/locations/${STOCK}/label`);
    const label = await visible(page.getByTestId("stock-label"));
    assert.equal(await label.getAttribute("data-code"), "LOC-00000000000040008000000000000101");
    await assertText(label, "STOCK");
    await codesDrawn(page);
    assert.deepEqual(pageErrors, []);
  });
});
