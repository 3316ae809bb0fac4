// Production quantities in the browser: the operator completes the last operation of an order with
// the steppers (4 good, 1 scrapped, a reason), and the MO page shows what each operation received,
// its good and scrap, and the MO's produced and scrapped units. Stock is put back as it was.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { apiJson, assertText, demo, launchBrowser, openTab, signIn, unique, visible, type Tab } from "./helpers";

interface Wo {
  id: string;
  code: string;
  sequence: number;
  status: string;
}


describe("production quantities", () => {
  let browser: Browser;
  let operator: Tab;
  let admin: Tab;
  let ids: { table: string; steel: string; screws: string };
  let moId = "";

  before(async () => {
    browser = await launchBrowser();
    operator = await openTab(browser);
    admin = await openTab(browser);
    const op = demo("OPERATOR");
    const ad = demo("ADMIN");
    await signIn(operator.page, op.email, op.password, op.role);
    await signIn(admin.page, ad.email, ad.password, ad.role);
    const sku = async (s: string) => (await apiJson<{ items: { id: string; sku: string }[] }>(admin.page.request, "GET", `/api/products?q=${s}`)).items.find((p) => p.sku === s)!.id;
    ids = { table: await sku("TABLE-100"), steel: await sku("STEEL-01"), screws: await sku("SCR-01") };
  });

  after(async () => {
    if (moId) {
      // What this test consumed comes back and what it produced goes out: later suites see the stock they expect.
      const r = admin.page.request;
      await apiJson(r, "POST", "/api/stock/receipts", { productId: ids.steel, quantity: 10, reference: "E2E production" }).catch(() => undefined);
      await apiJson(r, "POST", "/api/stock/receipts", { productId: ids.screws, quantity: 100, reference: "E2E production" }).catch(() => undefined);
      await apiJson(r, "POST", "/api/stock/manual", { productId: ids.table, change: -4, note: "E2E production: test output removed" }).catch(() => undefined);
    }
    await operator?.context.close();
    await admin?.context.close();
    await browser?.close();
  });

  test("the operator reports 4 good and 1 scrapped with the steppers; the MO page shows the figures", async () => {
    const r = admin.page.request;
    const me = await apiJson<{ user: { id: string } }>(operator.page.request, "GET", "/api/me");
    const mo = await apiJson<{ id: string; orderNo: string; workOrders: Wo[] }>(r, "POST", "/api/mos", { name: `E2E quantities ${unique()}`, productId: ids.table, quantity: 5 });
    moId = mo.id;
    const [first, last] = [...mo.workOrders].sort((a, b) => a.sequence - b.sequence);
    assert.ok(first && last, "two operations");
    // The first operation passes all 5 on (the API's defaults); the operator runs the last one.
    await apiJson(r, "POST", `/api/workorders/${first.id}/start`, {});
    await apiJson(r, "POST", `/api/workorders/${first.id}/complete`, {});
    await apiJson(r, "PATCH", `/api/workorders/${last.id}`, { assignedToId: me.user.id });
    await apiJson(operator.page.request, "POST", `/api/workorders/${last.id}/start`, {});

    const page = operator.page;
    await page.goto("/operator");
    const card = page.locator(`[data-testid="wo-card"][data-code="${last.code}"][data-status="STARTED"]`);
    await (await visible(card)).getByRole("button", { name: `Complete ${last.code}` }).click();
    const panel = await visible(card.getByTestId("confirm-complete"));
    await assertText(panel, "5 reached this operation");
    const good = panel.getByLabel("Good", { exact: true });
    const scrap = panel.getByLabel("Scrap", { exact: true });
    assert.equal(await good.inputValue(), "5", "good is pre-filled with what reached it");
    assert.equal(await scrap.inputValue(), "0");
    const plus = panel.getByRole("button", { name: "One more: Scrap" });
    const box = await plus.boundingBox();
    assert.ok(box && box.width >= 48 && box.height >= 48, "the stepper is a large touch target");
    await plus.click();
    assert.equal(await scrap.inputValue(), "1");
    assert.equal(await good.inputValue(), "4", "scrap comes out of good");
    await panel.getByTestId("scrap-reasons").getByRole("button", { name: "Quality" }).click();
    await panel.getByRole("button", { name: "Yes, complete" }).click();
    await visible(page.locator(`[data-testid="wo-card"][data-code="${last.code}"][data-status="COMPLETED"]`));

    const wo = await apiJson<{ goodQty: number; scrapQty: number; scrapReason: string }>(r, "GET", `/api/workorders/${last.id}`);
    assert.deepEqual({ good: wo.goodQty, scrap: wo.scrapQty, reason: wo.scrapReason }, { good: 4, scrap: 1, reason: "QUALITY" });

    const view = admin.page;
    await view.goto(`/mos/${mo.id}`);
    await assertText(view.getByTestId("fact-quantity"), "Produced: 4");
    await assertText(view.getByTestId("fact-scrap"), "Scrapped: 1");
    const row = view.locator(`[data-testid="wo-row"][data-code="${last.code}"]`);
    await assertText(row.getByTestId("wo-quantities"), "5 in · 4 good · 1 scrapped");
    await assertText(row.getByTestId("wo-quantities"), "reason: quality");
    assert.deepEqual([...operator.pageErrors, ...admin.pageErrors], []);
  });
});
