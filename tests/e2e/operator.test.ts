// The operator's tablet view (768×1024): only their own work orders, start / pause / resume /
// complete with a timer that survives a reload, touch targets, the scan box, live assignment, and
// the printable sheet with its QR code and barcode.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { BASE_URL, TABLET, apiJson, assertText, demo, launchBrowser, openTab, screenshot, signIn, unique, visible, type Tab } from "./helpers";

interface Wo {
  id: string;
  code: string;
  status: string;
  sequence: number;
  moId: string;
  assignedToId: string | null;
  mo: { orderNo: string; state: string };
}


/** The worked milliseconds a card's timer shows (computed from the server's time logs). */
async function workedMs(scope: Locator): Promise<number> {
  const timer = await visible(scope.getByTestId("wo-timer"));
  return Number(await timer.getAttribute("data-worked-ms"));
}

function card(page: Page, code: string): Locator {
  return page.locator(`[data-testid="wo-card"][data-code="${code}"]`);
}

/** Waits until the card of `code` shows `status` (after a tap, the list reloads from the API). */
async function cardIn(page: Page, code: string, status: string): Promise<Locator> {
  const c = page.locator(`[data-testid="wo-card"][data-code="${code}"][data-status="${status}"]`);
  await visible(c);
  return c;
}

describe("operator tablet view", () => {
  let browser: Browser;
  let operator: Tab;
  let manager: Tab;
  let operatorId: string;
  /** An MO of the manager whose WOs are assigned to nobody: the operator must never see them. */
  let foreign: { moId: string; codes: string[] };

  before(async () => {
    browser = await launchBrowser();
    operator = await openTab(browser);
    manager = await openTab(browser);
    const op = demo("OPERATOR");
    const mgr = demo("MANAGER");
    await signIn(operator.page, op.email, op.password, op.role);
    await signIn(manager.page, mgr.email, mgr.password, mgr.role);
    operatorId = (await apiJson<{ user: { id: string } }>(operator.page.request, "GET", "/api/me")).user.id;

    const products = await apiJson<{ items: { id: string; sku: string }[] }>(manager.page.request, "GET", "/api/products?q=TABLE-100");
    const table = products.items.find((p) => p.sku === "TABLE-100");
    assert.ok(table, "the demo product TABLE-100 exists");
    const mo = await apiJson<{ id: string }>(manager.page.request, "POST", "/api/mos", { name: `E2E floor foreign ${unique()}`, productId: table.id, quantity: 1 });
    const wos = await apiJson<{ items: Wo[] }>(manager.page.request, "GET", `/api/mos/${mo.id}/workorders`);
    assert.ok(wos.items.length > 0, "an MO of TABLE-100 gets work orders from its BOM operations");
    foreign = { moId: mo.id, codes: wos.items.map((w) => w.code) };
  });

  after(async () => {
    if (foreign) await manager?.page.request.fetch(`/api/mos/${foreign.moId}/cancel`, { method: "POST", data: {}, headers: { Origin: BASE_URL } }).catch(() => undefined);
    await operator?.context.close();
    await manager?.context.close();
    await browser?.close();
  });

  test("shows only the operator's own work orders, grouped, with ≥ 48px touch targets", async () => {
    const { page, pageErrors } = operator;
    await page.goto("/operator");
    await visible(page.getByRole("heading", { level: 1, name: "My work" }));
    await visible(page.getByTestId("wo-card").first());

    const mine = await apiJson<{ items: Wo[] }>(page.request, "GET", "/api/workorders?mine=1&status=PENDING,STARTED,PAUSED&pageSize=200");
    const shown = await page.getByTestId("wo-card").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
    const workable = mine.items.filter((w) => w.mo.state === "PLANNED" || w.mo.state === "IN_PROGRESS");
    for (const w of workable) assert.ok(shown.includes(w.code), `${w.code} (assigned to the operator) is on the page`);
    for (const code of foreign.codes) assert.ok(!shown.includes(code), `${code} (assigned to nobody) is not on the page`);
    assert.ok(mine.items.every((w) => w.assignedToId === operatorId));

    // Every control of the page's own content is at least 48×48 px at tablet size.
    const controls = page.getByRole("main").locator("button:visible, a:visible, input:visible, select:visible, textarea:visible");
    const count = await controls.count();
    assert.ok(count >= 4, "the view has controls to measure");
    for (let i = 0; i < count; i++) {
      const el = controls.nth(i);
      const box = await el.boundingBox();
      const name = (await el.getAttribute("aria-label")) ?? (await el.innerText().catch(() => "")) ?? "";
      assert.ok(box, `control ${i} has a box`);
      assert.ok(box.height >= 48 && box.width >= 48, `"${name.trim()}" is ${box.width}×${box.height}px, under 48px`);
    }
    await screenshot(page, "operator-768x1024");
    assert.deepEqual(pageErrors, []);
  });

  test("start, pause, reload (the timer keeps its time), resume and complete both WOs of the demo order (MO-000001): the MO is done", async () => {
    const { page, pageErrors } = operator;
    let wos = (await apiJson<{ items: Wo[] }>(page.request, "GET", "/api/workorders?mine=1&pageSize=200")).items.filter((w) => w.mo.orderNo === "MO-000001");
    if (wos.length !== 2 || wos.some((w) => w.status !== "PENDING")) {
      // Another suite already ran the demo order: run the same flow on a fresh order of the same product.
      const products = await apiJson<{ items: { id: string; sku: string }[] }>(manager.page.request, "GET", "/api/products?q=TABLE-100");
      const mo = await apiJson<{ id: string }>(manager.page.request, "POST", "/api/mos", { name: `E2E floor ${unique()}`, productId: products.items.find((p) => p.sku === "TABLE-100")!.id, quantity: 1 });
      const created = await apiJson<{ items: Wo[] }>(manager.page.request, "GET", `/api/mos/${mo.id}/workorders`);
      for (const w of created.items) await apiJson(manager.page.request, "PATCH", `/api/workorders/${w.id}`, { assignedToId: operatorId });
      wos = created.items;
    }
    wos.sort((a, b) => a.sequence - b.sequence);
    const [first, second] = wos;
    assert.ok(first && second, "two work orders to run");

    await page.goto("/operator");
    await (await cardIn(page, first.code, "PENDING")).getByRole("button", { name: `Start ${first.code}` }).click();
    let c = await cardIn(page, first.code, "STARTED");
    await visible(page.getByTestId("group-started").locator(`[data-code="${first.code}"]`));
    await visible(c.locator('[data-testid="wo-timer"][data-running]'));
    await page.waitForTimeout(2500);
    await c.getByRole("button", { name: `Pause ${first.code}` }).click();
    // Pausing asks why, one tap (docs/domain.md "Shop floor").
    await c.getByTestId("pause-reasons").getByRole("button", { name: "Setup", exact: true }).click();
    c = await cardIn(page, first.code, "PAUSED");
    await visible(page.getByTestId("group-paused").locator(`[data-code="${first.code}"]`));
    // The card moves with the list; its timer follows when its detail (the closed time log) arrives.
    await visible(c.locator('[data-testid="wo-timer"]:not([data-running])'));
    const paused = await workedMs(c);
    assert.ok(paused >= 2000, `about 2.5 s were worked before the pause, the timer shows ${paused} ms`);

    await page.reload();
    c = await cardIn(page, first.code, "PAUSED");
    const afterReload = await workedMs(c);
    assert.equal(afterReload, paused, "a reload neither resets nor advances a paused timer");
    await assertText(c.getByTestId("wo-timer-value"), /^0:00:0[2-9]$/);

    await c.getByRole("button", { name: `Resume ${first.code}` }).click();
    c = await cardIn(page, first.code, "STARTED");
    await page.waitForTimeout(1500);
    assert.ok((await workedMs(c)) > paused, "resuming continues from the worked time, not from zero");

    await c.getByRole("button", { name: `Complete ${first.code}` }).click();
    const confirm = await visible(c.getByTestId("confirm-complete"));
    await assertText(confirm, `Complete ${first.code}`);
    await confirm.getByRole("button", { name: "Yes, complete" }).click();
    await visible(page.getByTestId("group-done").locator(`[data-code="${first.code}"][data-status="COMPLETED"]`));

    await (await cardIn(page, second.code, "PENDING")).getByRole("button", { name: `Start ${second.code}` }).click();
    c = await cardIn(page, second.code, "STARTED");
    await c.getByRole("button", { name: `Complete ${second.code}` }).click();
    await c.getByTestId("confirm-complete").getByRole("button", { name: "Yes, complete" }).click();
    await visible(page.getByTestId("group-done").locator(`[data-code="${second.code}"][data-status="COMPLETED"]`));
    assert.equal(await page.getByTestId("wo-action-error").count(), 0, "no action was refused");

    const mo = await apiJson<{ state: string }>(manager.page.request, "GET", `/api/mos/${first.moId}`);
    assert.equal(mo.state, "DONE", "completing the last work order completes the MO");
    assert.deepEqual(pageErrors, []);
  });

  test("completing the last WO with too little stock lists the short products and leaves the WO as it was; issues can be reported", async () => {
    const { page, pageErrors } = operator;
    const products = await apiJson<{ items: { id: string; sku: string }[] }>(manager.page.request, "GET", "/api/products?q=TABLE-100");
    // 1000 tables need 2000 steel plates and 20000 screw packs: far more than the demo stock.
    const mo = await apiJson<{ id: string }>(manager.page.request, "POST", "/api/mos", { name: `E2E floor shortage ${unique()}`, productId: products.items.find((p) => p.sku === "TABLE-100")!.id, quantity: 1000 });
    const wos = (await apiJson<{ items: Wo[] }>(manager.page.request, "GET", `/api/mos/${mo.id}/workorders`)).items.sort((a, b) => a.sequence - b.sequence);
    for (const w of wos) await apiJson(manager.page.request, "PATCH", `/api/workorders/${w.id}`, { assignedToId: operatorId });
    const last = wos[wos.length - 1]!;
    try {
      await page.goto("/operator");
      for (const w of wos) {
        await (await cardIn(page, w.code, "PENDING")).getByRole("button", { name: `Start ${w.code}` }).click();
        const c = await cardIn(page, w.code, "STARTED");
        await c.getByRole("button", { name: `Complete ${w.code}` }).click();
        await c.getByTestId("confirm-complete").getByRole("button", { name: "Yes, complete" }).click();
        if (w !== last) await visible(page.getByTestId("group-done").locator(`[data-code="${w.code}"]`));
      }
      const c = card(page, last.code);
      const error = await visible(c.getByTestId("wo-action-error"));
      await assertText(error, `Could not complete ${last.code}`);
      const list = await visible(error.getByTestId("shortage-list"));
      await assertText(list, "STEEL-01");
      await assertText(list, "SCR-01");
      await assertText(error, `Nothing was changed: ${last.code} is still in progress`);
      assert.equal(await c.getAttribute("data-status"), "STARTED");
      const moNow = await apiJson<{ state: string }>(manager.page.request, "GET", `/api/mos/${mo.id}`);
      assert.equal(moNow.state, "IN_PROGRESS", "the refused completion left the MO as it was");

      // Report the problem on the card itself.
      await c.getByRole("button", { name: "Parts & comments" }).click();
      await c.getByRole("radio", { name: "Report an issue" }).check();
      await c.getByLabel("What is the problem?").fill("Not enough steel plates at the station");
      await c.getByRole("button", { name: "Report issue" }).click();
      await visible(c.locator('[data-testid="wo-comments"] [data-kind="ISSUE"]').filter({ hasText: "Not enough steel plates" }));
      await assertText(c.getByRole("table").first(), "2,000");

      // Free the operator again (one running WO per person): pause it.
      await c.getByRole("button", { name: `Pause ${last.code}` }).click();
      await c.getByTestId("pause-reasons").getByRole("button", { name: "Break", exact: true }).click();
      await cardIn(page, last.code, "PAUSED");
      assert.deepEqual(pageErrors, []);
    } finally {
      await manager.page.request.fetch(`/api/workorders/${last.id}/pause`, { method: "POST", data: {}, headers: { Origin: BASE_URL } }).catch(() => undefined);
      await manager.page.request.fetch(`/api/mos/${mo.id}/cancel`, { method: "POST", data: {}, headers: { Origin: BASE_URL } }).catch(() => undefined);
    }
  });

  test("the scan box: a WO code + Enter opens that WO; unknown and someone else's codes say so", async () => {
    const { page, pageErrors } = operator;
    const mine = (await apiJson<{ items: Wo[] }>(page.request, "GET", "/api/workorders?mine=1&pageSize=200")).items;
    const target = mine[0];
    assert.ok(target, "the operator has a work order");

    await page.goto("/operator");
    const box = page.getByRole("textbox", { name: "Scan a work order sheet" });
    await visible(box);
    // The box holds the focus when idle, so a scanner's keystrokes land in it without a tap.
    await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "code");
    await page.keyboard.type(target.code, { delay: 10 });
    await page.keyboard.press("Enter");
    await page.waitForURL(`${BASE_URL}/workorders/${target.id}`);
    await assertText(page.getByTestId("wo-code"), target.code);

    await page.goto("/operator");
    await visible(box);
    await box.fill("WO-999999");
    await box.press("Enter");
    await assertText(page.getByTestId("scan-message"), "WO-999999 was not found, or it is not assigned to you");
    assert.equal(new URL(page.url()).pathname, "/operator");

    await box.fill(foreign.codes[0]!);
    await box.press("Enter");
    await assertText(page.getByTestId("scan-message"), `${foreign.codes[0]} was not found, or it is not assigned to you`);

    await box.fill("hello");
    await box.press("Enter");
    await assertText(page.getByTestId("scan-message"), "is not a work order code");
    assert.deepEqual(pageErrors, []);
  });

  test("a WO assigned to the operator appears live, and disappears when it is transferred away", async () => {
    const { page, pageErrors } = operator;
    await page.goto("/operator");
    await visible(page.getByTestId("scan-box"));
    const wo = (await apiJson<{ items: Wo[] }>(manager.page.request, "GET", `/api/mos/${foreign.moId}/workorders`)).items[0]!;
    assert.equal(await card(page, wo.code).count(), 0);

    await apiJson(manager.page.request, "PATCH", `/api/workorders/${wo.id}`, { assignedToId: operatorId });
    await visible(card(page, wo.code));
    const managerId = (await apiJson<{ user: { id: string } }>(manager.page.request, "GET", "/api/me")).user.id;
    await apiJson(manager.page.request, "PATCH", `/api/workorders/${wo.id}`, { assignedToId: managerId });
    await card(page, wo.code).waitFor({ state: "detached" });
    assert.deepEqual(pageErrors, []);
  });

  test("the printable sheet shows the WO code as a QR code and a Code128 barcode", async () => {
    const { page, pageErrors } = operator;
    await page.setViewportSize({ width: 1280, height: 900 });
    try {
      const wo = (await apiJson<{ items: Wo[] }>(page.request, "GET", "/api/workorders?mine=1&pageSize=200")).items[0]!;
      await page.goto(`/workorders/${wo.id}`);
      await page.getByRole("link", { name: "Print sheet" }).click();
      await page.waitForURL(`${BASE_URL}/workorders/${wo.id}/print`);
      const sheet = await visible(page.getByTestId("wo-sheet"));
      await assertText(sheet.getByRole("heading", { level: 1 }), wo.code);
      await assertText(sheet, wo.mo.orderNo);
      const qr = await visible(sheet.getByRole("img", { name: `QR code of ${wo.code}` }));
      assert.ok(await qr.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0), "the QR image loaded");
      const barcode = sheet.getByTestId("wo-barcode");
      await page.waitForFunction(() => (document.querySelector('[data-testid="wo-barcode"]')?.querySelectorAll("rect").length ?? 0) > 10);
      assert.ok((await barcode.locator("rect").count()) > 10, "the barcode has bars");
      // Only the sheet is printed: the toolbar is hidden in print media.
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.getByRole("button", { name: "Print" }).isVisible(), false);
      await page.emulateMedia({ media: "screen" });
      await screenshot(page, "wo-sheet");
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.setViewportSize(TABLET);
    }
  });
});
