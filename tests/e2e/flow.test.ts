// The seed's demo flow across three people and two devices: a manager plans an order on a desktop, the
// operator runs its work orders on a tablet, the manager's page follows live without a reload, and
// inventory sees the consumption and the output in the ledger.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { BASE_URL, TABLET, assertText, demo, launchBrowser, openTab, screenshot, signIn, unique, visible } from "./helpers";

describe("demo flow: plan → run on the tablet → live manager view → ledger", () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test("an order goes from planned to done, exactly once in the ledger", async () => {
    const u = unique();
    const manager = await openTab(browser);
    const operator = await openTab(browser);
    const inventory = await openTab(browser);
    try {
      // Manager, desktop: a new order for one table; its routing becomes two work orders.
      const m = manager.page;
      await signIn(m, demo("MANAGER").email, demo("MANAGER").password, "MANAGER");
      await m.goto(`${BASE_URL}/mos/new`);
      const form = m.getByRole("form", { name: "New manufacturing order" });
      await form.getByLabel("Product to make").fill("TABLE-100");
      await form.getByRole("button", { name: /^TABLE-100\b/ }).click();
      await form.getByLabel(/^Quantity/).fill("1");
      await form.getByLabel("Order name").fill(`Flow table ${u}`);
      await form.getByRole("button", { name: "Create order" }).click();
      await m.waitForURL(/\/mos\/[0-9a-f-]{36}$/);
      const moId = m.url().split("/").pop()!;
      const detail = await visible(m.getByTestId("mo-detail"));
      await assertText(m.getByRole("heading", { level: 1 }), "Planned");
      const rows = detail.getByTestId("wo-row");
      assert.equal(await rows.count(), 2);
      const codes = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-code")))).filter((c): c is string => !!c);
      for (const code of codes) {
        await detail.getByLabel(`Assignee of ${code}`).selectOption({ label: "Otto Operator" });
        await assertText(detail.getByTestId("work-orders").getByRole("status"), `${code} is now assigned to Otto Operator.`);
      }

      // Operator, tablet: start, pause, resume, complete the first; start and complete the second.
      const o = operator.page;
      await o.setViewportSize(TABLET);
      await signIn(o, demo("OPERATOR").email, demo("OPERATOR").password, "OPERATOR");
      await o.goto(`${BASE_URL}/operator`);
      const card = (code: string) => o.locator(`[data-testid="wo-card"][data-code="${code}"]`);
      // Each tap moves the card to another group (a re-render): wait for the new state before the next tap.
      const inState = (code: string, status: string) => visible(o.locator(`[data-testid="wo-card"][data-code="${code}"][data-status="${status}"]`));
      const complete = async (code: string) => {
        await card(code).getByRole("button", { name: `Complete ${code}` }).click();
        await (await visible(card(code).getByTestId("confirm-complete"))).getByRole("button", { name: "Yes, complete" }).click();
        await inState(code, "COMPLETED");
      };
      const [first, second] = codes as [string, string];
      await card(first).getByRole("button", { name: `Start ${first}` }).click();
      await inState(first, "STARTED");
      // The manager's page follows without a reload.
      await assertText(m.getByRole("heading", { level: 1 }), "In progress");
      await card(first).getByRole("button", { name: `Pause ${first}` }).click();
      await card(first).getByTestId("pause-reasons").getByRole("button", { name: "Waiting for material", exact: true }).click();
      await inState(first, "PAUSED");
      await card(first).getByRole("button", { name: `Resume ${first}` }).click();
      await inState(first, "STARTED");
      await complete(first);
      await card(second).getByRole("button", { name: `Start ${second}` }).click();
      await inState(second, "STARTED");
      await complete(second);
      await screenshot(o, "flow-operator-done");

      // Manager: DONE, live.
      await assertText(m.getByRole("heading", { level: 1 }), "Done");
      await screenshot(m, "flow-manager-done");

      // Inventory: the order's consumption and output, once each.
      const i = inventory.page;
      await signIn(i, demo("INVENTORY").email, demo("INVENTORY").password, "INVENTORY");
      const ledger = (await (await i.request.get(`${BASE_URL}/api/stock/ledger?sourceId=${moId}`)).json()) as { items: { sourceType: string; change: number; product: { sku: string } }[] };
      const moves = ledger.items.map((e) => `${e.sourceType} ${e.product.sku} ${e.change}`).sort();
      assert.deepEqual(moves, ["MO_CONSUMPTION SCR-01 -20", "MO_CONSUMPTION STEEL-01 -2", "MO_OUTPUT TABLE-100 1"]);
      await i.goto(`${BASE_URL}/stock/ledger`);
      await visible(i.locator('[data-testid="ledger-row"][data-source="MO_OUTPUT"][data-sku="TABLE-100"]').first());
      await visible(i.locator('[data-testid="ledger-row"][data-source="MO_CONSUMPTION"][data-sku="STEEL-01"]').first());
      await screenshot(i, "flow-inventory-ledger");
    } finally {
      await Promise.all([manager.context.close(), operator.context.close(), inventory.context.close()]);
    }
  });
});
