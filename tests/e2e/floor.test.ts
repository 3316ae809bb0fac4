// The shop floor on the tablet (768×1024): pausing a work order asks its reason in one tap, the
// pause keeps it (the manager's downtime figures name it), and Cancel leaves the WO running.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { BASE_URL, apiJson, demo, launchBrowser, openTab, signIn, unique, visible, type Tab } from "./helpers";

describe("pause reasons on the tablet", () => {
  let browser: Browser;
  let operator: Tab;
  let manager: Tab;
  let moId: string | undefined;

  before(async () => {
    browser = await launchBrowser();
    operator = await openTab(browser);
    manager = await openTab(browser);
    await signIn(operator.page, demo("OPERATOR").email, demo("OPERATOR").password, "OPERATOR");
    await signIn(manager.page, demo("MANAGER").email, demo("MANAGER").password, "MANAGER");
  });

  after(async () => {
    if (moId) await manager?.page.request.fetch(`/api/mos/${moId}/cancel`, { method: "POST", data: {}, headers: { Origin: BASE_URL } }).catch(() => undefined);
    await operator?.context.close();
    await manager?.context.close();
    await browser?.close();
  });

  test("Pause shows the reasons as large buttons; Cancel keeps it running; a tap on one pauses with that reason", async () => {
    const { page, pageErrors } = operator;
    const me = await apiJson<{ user: { id: string } }>(page.request, "GET", "/api/me");
    // The operator may run one WO at a time: pause whatever an earlier suite left running.
    const running = await apiJson<{ items: { id: string }[] }>(page.request, "GET", "/api/workorders?mine=1&status=STARTED");
    for (const w of running.items) await apiJson(page.request, "POST", `/api/workorders/${w.id}/pause`, { reason: "OTHER" });
    const products = await apiJson<{ items: { id: string; sku: string }[] }>(manager.page.request, "GET", "/api/products?q=TABLE-100");
    const table = products.items.find((p) => p.sku === "TABLE-100")!;
    const from = new Date(Date.now() - 60_000).toISOString();
    const mo = await apiJson<{ id: string; workOrders: { id: string; code: string; sequence: number }[] }>(manager.page.request, "POST", "/api/mos", { name: `E2E pause ${unique()}`, productId: table.id, quantity: 1 });
    moId = mo.id;
    const wo = [...mo.workOrders].sort((a, b) => a.sequence - b.sequence)[0]!;
    await apiJson(manager.page.request, "PATCH", `/api/workorders/${wo.id}`, { assignedToId: me.user.id });

    await page.goto("/operator");
    const card = () => page.locator(`[data-testid="wo-card"][data-code="${wo.code}"]`);
    await card().getByRole("button", { name: `Start ${wo.code}` }).click();
    await visible(page.locator(`[data-testid="wo-card"][data-code="${wo.code}"][data-status="STARTED"]`));

    await card().getByRole("button", { name: `Pause ${wo.code}` }).click();
    const picker = await visible(card().getByTestId("pause-reasons"));
    const reasons = await picker.locator("button[data-reason]").evaluateAll((els) => els.map((e) => e.textContent?.trim()));
    for (const name of ["Setup", "Waiting for material", "Breakdown", "Quality problem", "Break", "Other"]) assert.ok(reasons.includes(name), `the picker offers "${name}" (${reasons.join(", ")})`);
    for (const box of await picker.locator("button").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) assert.ok(box >= 48, `a reason button is ${box}px tall`);

    await picker.getByRole("button", { name: "Cancel", exact: true }).click();
    await visible(page.locator(`[data-testid="wo-card"][data-code="${wo.code}"][data-status="STARTED"]`));
    assert.equal(await card().getByTestId("pause-reasons").count(), 0);

    await card().getByRole("button", { name: `Pause ${wo.code}` }).click();
    await card().getByTestId("pause-reasons").getByRole("button", { name: "Breakdown", exact: true }).click();
    await visible(page.locator(`[data-testid="wo-card"][data-code="${wo.code}"][data-status="PAUSED"]`));

    const figures = await apiJson<{ downtime: { code: string; pauses: number }[] }>(manager.page.request, "GET", `/api/reports/oee?from=${from}&to=${new Date(Date.now() + 60_000).toISOString()}`);
    assert.ok(figures.downtime.some((d) => d.code === "BREAKDOWN" && d.pauses >= 1), `the downtime names BREAKDOWN: ${JSON.stringify(figures.downtime)}`);
    assert.deepEqual(pageErrors, []);
  });
});
