// Lots on the operator's tablet (issue 13; docs/scanning.md "Lot and location labels"): in the scan box
// on the landing page a lot label shows the lot's card (product, code, expiry, on hand per location)
// and a location label the location's; on the work order that finishes its order the Complete panel
// offers the lots, and scanning a lot's label names it there — the ledger then shows that lot consumed,
// not the one first expiry first would have taken. The order, products and stock are made through the
// API (their screens have their own tests).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { locationLabelCode, lotLabelCode } from "../../lib/scan/codes";
import { apiJson, assertText, demo, launchBrowser, openTab, screenshot, signIn, unique, visible, type Tab } from "./helpers";

const STOCK = "00000000-0000-4000-8000-000000000101";

describe("lots on the operator's tablet", () => {
  let browser: Browser;
  let admin: Tab;
  let operator: Tab;
  const ids = { raw: "", rawSku: "", early: "", late: "", mo: "", wo: "", woCode: "" };

  before(async () => {
    browser = await launchBrowser();
    admin = await openTab(browser);
    await signIn(admin.page, demo("ADMIN").email, demo("ADMIN").password, "ADMIN");
    const req = admin.page.request;
    const u = unique();
    ids.rawSku = `E2E-LRAW-${u}`;
    const raw = await apiJson<{ id: string }>(req, "POST", "/api/products", { sku: ids.rawSku, name: `Steel ${u}`, isFinished: false, uom: "kg", tracking: "LOT" });
    const top = await apiJson<{ id: string }>(req, "POST", "/api/products", { sku: `E2E-LTOP-${u}`, name: `Bracket ${u}`, isFinished: true, uom: "pcs", tracking: "LOT" });
    ids.raw = raw.id;
    await apiJson(req, "PUT", `/api/products/${top.id}/bom`, { components: [{ materialId: raw.id, qtyPerUnit: 2 }], operations: [{ title: "Bend", workCenterId: null, minutesPerUnit: 1 }] });
    for (const [code, expiresAt] of [
      ["L-LATE", "2030-06-01"],
      ["L-EARLY", "2030-03-01"],
    ] as const) {
      await apiJson(req, "POST", "/api/stock/receipts", { productId: raw.id, quantity: 10, lotCode: code, expiresAt });
    }
    const lots = await apiJson<{ items: { id: string; code: string }[] }>(req, "GET", `/api/lots?productId=${raw.id}`);
    ids.early = lots.items.find((l) => l.code === "L-EARLY")!.id;
    ids.late = lots.items.find((l) => l.code === "L-LATE")!.id;
    const operatorId = (await apiJson<{ items: { id: string; name: string }[] }>(req, "GET", "/api/users/assignable")).items.find((x) => x.name === demo("OPERATOR").name)?.id;
    assert.ok(operatorId, "the demo operator can be assigned work");
    const mo = await apiJson<{ id: string; orderNo: string; workOrders: { id: string; code: string }[] }>(req, "POST", "/api/mos", { name: `E2E tablet lots ${u}`, productId: top.id, quantity: 3, childOrders: "none" });
    ids.mo = mo.id;
    ids.wo = mo.workOrders[0]!.id;
    ids.woCode = mo.workOrders[0]!.code;
    await apiJson(req, "PATCH", `/api/workorders/${ids.wo}`, { assignedToId: operatorId });

    operator = await openTab(browser);
    await signIn(operator.page, demo("OPERATOR").email, demo("OPERATOR").password, "OPERATOR");
  });

  after(async () => {
    await operator?.context.close();
    await admin?.context.close();
    await browser?.close();
  });

  /** What a wedge scanner does: the label's code typed into the scan box, then Enter. */
  async function scan(code: string) {
    const input = operator.page.getByTestId("scan-box").getByRole("textbox");
    await input.fill(code);
    await input.press("Enter");
  }

  test("a scanned lot label shows the lot, a location label the location", async () => {
    const page = operator.page;
    await visible(page.getByTestId("scan-box"));
    await scan(lotLabelCode(ids.late));
    const lot = await visible(page.getByTestId("scan-lot-card"));
    await assertText(lot.getByTestId("scan-lot-code"), "L-LATE");
    await assertText(lot, new RegExp(ids.rawSku));
    await assertText(lot.locator('[data-testid="scan-lot-location"][data-location="STOCK"]'), /10/);

    await scan(locationLabelCode(STOCK));
    const loc = await visible(page.getByTestId("scan-location-card"));
    await assertText(loc.getByTestId("scan-location-code"), "STOCK");
    assert.equal(await page.getByTestId("scan-lot-card").count(), 0, "the lot's card made way");
    await screenshot(page, "tablet-location-card");

    // An unknown lot reads as any unknown code.
    await scan(lotLabelCode("0f8fad5b-d9cb-469f-a165-70867728950e"));
    await assertText(page.getByTestId("scan-message"), "That label is not known here.");
  });

  test("completing the order's last work order names the scanned lot, and the ledger shows it consumed", async () => {
    const page = operator.page;
    const card = await visible(page.locator(`[data-testid="wo-card"][data-code="${ids.woCode}"]`));
    await (await visible(card.getByRole("button", { name: "Start" }))).click();
    await (await visible(card.getByRole("button", { name: "Complete" }))).click();
    const lots = await visible(card.getByTestId("wo-completion-lots"));
    const select = lots.locator(`[data-testid="wo-component-lot"][data-sku="${ids.rawSku}"]`).getByRole("combobox");
    assert.equal(await select.inputValue(), "", "first expiry first unless a lot is named");

    await scan(lotLabelCode(ids.late));
    await assertText(page.getByTestId("scan-lot-named"), `Lot L-LATE chosen for ${ids.rawSku}.`);
    assert.equal(await select.inputValue(), ids.late);
    await screenshot(page, "tablet-complete-named-lot");
    await card.getByRole("button", { name: "Yes, complete" }).click();
    await page.locator(`[data-testid="wo-card"][data-code="${ids.woCode}"][data-status="COMPLETED"]`).waitFor({ timeout: 15_000 });

    // The ledger: 6 kg of the named lot, none of the one that expires first.
    let rows: { lotId: string | null; change: number }[] = [];
    // (the admin's tab was idle for a while: a kept-alive connection the server has just closed is retried)
    for (let i = 0; i < 3 && !rows.length; i++) {
      rows = await apiJson<{ items: { lotId: string | null; change: number }[] }>(admin.page.request, "GET", `/api/stock/ledger?sourceId=${ids.mo}&productId=${ids.raw}`).then(
        (r) => r.items,
        (err: unknown) => (i < 2 && String(err).includes("ECONNRESET") ? [] : Promise.reject(err)),
      );
    }
    assert.deepEqual(
      rows.map((r) => [r.lotId, r.change]),
      [[ids.late, -6]],
    );
  });
});
