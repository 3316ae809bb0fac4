// Sub-assembly orders in the browser: a planner creates an order for a three-level product with
// "sub-assembly orders: for the whole need", the MO page shows the tree of the orders below it, a
// child's page links back to the order it is made for, and canceling the top order cancels the
// planned ones below it too. Uses products of its own; nothing is left open.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { apiJson, assertText, demo, launchBrowser, openTab, signIn, unique, visible, type Tab } from "./helpers";

describe("sub-assembly orders", () => {
  let browser: Browser;
  let manager: Tab;
  const u = unique();
  const sku = { raw: `E2E-RAW-${u}`, sub: `E2E-SUB-${u}`, frame: `E2E-FRAME-${u}`, top: `E2E-TOP-${u}` };

  before(async () => {
    browser = await launchBrowser();
    manager = await openTab(browser);
    const m = demo("MANAGER");
    await signIn(manager.page, m.email, m.password, m.role);
    const r = manager.page.request;
    const make = (s: string, isFinished = false) => apiJson<{ id: string }>(r, "POST", "/api/products", { sku: s, name: `Part ${s}`, isFinished, uom: "pcs" });
    const [raw, sub, frame, top] = [await make(sku.raw), await make(sku.sub), await make(sku.frame), await make(sku.top, true)];
    const bom = (id: string, components: [string, number][], title: string) =>
      apiJson(r, "PUT", `/api/products/${id}/bom`, { components: components.map(([materialId, qtyPerUnit]) => ({ materialId, qtyPerUnit })), operations: [{ title, workCenterId: null, minutesPerUnit: 1 }] });
    await bom(sub.id, [[raw.id, 2]], "Cut");
    await bom(frame.id, [[sub.id, 3], [raw.id, 1]], "Weld");
    await bom(top.id, [[frame.id, 2], [raw.id, 4]], "Assemble");
  });

  after(async () => {
    await manager?.context.close();
    await browser?.close();
  });

  test("created with the whole need, shown as a tree, linked both ways, canceled with cascade", async () => {
    const page = manager.page;
    await page.goto("/mos/new");
    const form = page.getByRole("form", { name: "New manufacturing order" });
    await form.getByLabel("Product to make").fill(sku.top);
    await form.getByRole("button", { name: new RegExp(`^${sku.top}\\b`) }).click();
    await visible(form.getByTestId("chosen-product"));
    await form.getByLabel(/^Quantity/).fill("2");
    await form.getByLabel("Sub-assembly orders").selectOption("all");
    await form.getByRole("button", { name: "Create order" }).click();
    await page.waitForURL(/\/mos\/[0-9a-f-]{36}$/);

    const detail = await visible(page.getByTestId("mo-detail"));
    const topOrderNo = await detail.getAttribute("data-order-no");
    const section = await visible(page.getByTestId("child-orders"));
    const frame = section.locator('[data-testid="child-order"][data-depth="1"]');
    const sub = section.locator('[data-testid="child-order"][data-depth="2"]');
    await assertText(frame, `4 × ${sku.frame}`);
    await assertText(sub, `12 × ${sku.sub}`);
    const frameOrderNo = await frame.getAttribute("data-order-no");
    assert.ok(frameOrderNo, "the child has an order number");

    await frame.getByRole("link", { name: frameOrderNo }).first().click();
    await page.waitForURL(/\/mos\/[0-9a-f-]{36}$/);
    await assertText(await visible(page.getByTestId("parent-order")), `Made for ${topOrderNo}`);
    await page.getByTestId("parent-order").getByRole("link", { name: topOrderNo! }).click();
    await visible(page.locator(`[data-testid="mo-detail"][data-order-no="${topOrderNo}"]`));

    await page.getByRole("button", { name: "Cancel order…" }).click();
    const panel = await visible(page.getByTestId("cancel-panel"));
    assert.equal(await panel.getByTestId("cascade-checkbox").isChecked(), true, "cascade is on by default");
    await panel.getByRole("button", { name: "Cancel order", exact: true }).click();
    await assertText(page.getByTestId("mo-notice"), "2 sub-assembly orders were canceled with it.");
    await assertText(page.getByTestId("child-orders"), "Canceled");
  });
});
