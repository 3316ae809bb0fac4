// The stage board in a browser: a planner sees an order's card in the column of its current operation,
// changes its priority and deadline on the card (the card moves up its column, late is shown), and a
// card moves to the next operation's column live when an operator completes a work order in another
// session. The two orders it makes are canceled afterwards (the e2e database is shared).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { BASE_URL, apiJson, assertText, demo, launchBrowser, openTab, screenshot, signIn, unique, visible, type Tab } from "./helpers";

interface Wo {
  id: string;
  code: string;
  status: string;
  sequence: number;
  title: string;
}


function column(page: Page, key: string): Locator {
  return page.locator(`[data-testid="board-column"][data-column="${key}"]`);
}

function card(scope: Page | Locator, orderNo: string): Locator {
  return scope.locator(`[data-testid="board-card"][data-order-no="${orderNo}"]`);
}

/** The order numbers of a column's cards, top to bottom. */
async function orderNosIn(col: Locator): Promise<string[]> {
  return col.getByTestId("board-card").evaluateAll((els) => els.map((e) => e.getAttribute("data-order-no") ?? ""));
}

describe("stage board", () => {
  let browser: Browser;
  let manager: Tab;
  let operator: Tab;
  const customer = `E2E Board ${unique()}`;
  const made: { id: string; orderNo: string; wos: Wo[] }[] = [];

  before(async () => {
    browser = await launchBrowser();
    manager = await openTab(browser);
    operator = await openTab(browser);
    const mgr = demo("MANAGER");
    const op = demo("OPERATOR");
    await signIn(manager.page, mgr.email, mgr.password, mgr.role);
    await signIn(operator.page, op.email, op.password, op.role);
    const operatorId = (await apiJson<{ user: { id: string } }>(operator.page.request, "GET", "/api/me")).user.id;
    const products = await apiJson<{ items: { id: string; sku: string }[] }>(manager.page.request, "GET", "/api/products?q=TABLE-100");
    const table = products.items.find((p) => p.sku === "TABLE-100");
    assert.ok(table, "the demo product TABLE-100 exists");
    for (const n of [1, 2]) {
      const mo = await apiJson<{ id: string; orderNo: string }>(manager.page.request, "POST", "/api/mos", { name: `E2E board ${n}`, productId: table.id, quantity: 1, customerName: customer });
      const wos = (await apiJson<{ items: Wo[] }>(manager.page.request, "GET", `/api/mos/${mo.id}/workorders`)).items.sort((a, b) => a.sequence - b.sequence);
      assert.ok(wos.length >= 2, "an MO of TABLE-100 gets its routing's operations");
      for (const w of wos) await apiJson(manager.page.request, "PATCH", `/api/workorders/${w.id}`, { assignedToId: operatorId });
      made.push({ id: mo.id, orderNo: mo.orderNo, wos });
    }
  });

  after(async () => {
    for (const mo of made) await manager?.page.request.fetch(`/api/mos/${mo.id}/cancel`, { method: "POST", data: {}, headers: { Origin: BASE_URL } }).catch(() => undefined);
    await operator?.context.close();
    await manager?.context.close();
    await browser?.close();
  });

  test("the planner finds the board in the menu; cards stand in their current operation's column; priority and deadline change on the card", async () => {
    const { page, pageErrors } = manager;
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stage board" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Stage board" }));
    await page.getByRole("search").getByLabel("Customer").fill(customer);
    await page.waitForURL(/customer=/);

    const [a, b] = made as [(typeof made)[number], (typeof made)[number]];
    const first = column(page, `op:${a.wos[0]!.title}`);
    await visible(card(first, a.orderNo));
    await visible(card(first, b.orderNo));
    assert.deepEqual(await orderNosIn(first), [a.orderNo, b.orderNo], "same priority, no deadline: the older order first");

    // URGENT on the second order's card: it moves to the top of its column.
    await card(page, b.orderNo).getByLabel("Priority").selectOption("URGENT");
    await assertText(page.getByTestId("stage-board-notice"), `${b.orderNo} now has priority Urgent.`);
    await visible(page.locator(`[data-testid="board-card"][data-order-no="${b.orderNo}"][data-priority="URGENT"]`));
    await page.waitForFunction(
      ([sel, want]) => Array.from(document.querySelectorAll(sel)).map((e) => e.getAttribute("data-order-no"))[0] === want,
      [`[data-testid="board-column"][data-column="op:${a.wos[0]!.title}"] [data-testid="board-card"]`, b.orderNo] as const,
    );
    const stored = await apiJson<{ priority: string }>(page.request, "GET", `/api/mos/${b.id}`);
    assert.equal(stored.priority, "URGENT");

    // A deadline in the past: the card says Late.
    const bCard = card(page, b.orderNo);
    await bCard.getByText("Change deadline").click();
    await bCard.getByLabel("New deadline (empty: none)").fill("2020-01-02");
    await bCard.getByRole("button", { name: "Save" }).click();
    await assertText(page.getByTestId("stage-board-notice"), `Deadline of ${b.orderNo} changed.`);
    await visible(card(page, b.orderNo).getByTestId("late"));

    // The priority filter keeps the URGENT card only.
    await page.getByRole("search").getByLabel("Priority").selectOption("URGENT");
    await page.waitForURL(/priority=URGENT/);
    await visible(card(page, b.orderNo));
    await card(page, a.orderNo).waitFor({ state: "detached" });
    await page.getByRole("search").getByLabel("Priority").selectOption("");
    await visible(card(page, a.orderNo));
    await screenshot(page, "stage-board");
    assert.deepEqual(pageErrors, []);
  });

  test("an operator completes the first operation in another session: the card moves to the next column live", async () => {
    const { page, pageErrors } = manager;
    const a = made[0]!;
    await page.goto(`/mos/board?customer=${encodeURIComponent(customer)}`);
    await visible(card(column(page, `op:${a.wos[0]!.title}`), a.orderNo));

    // The operator may run one work order at a time: pause any left running by an earlier suite.
    const running = await apiJson<{ items: { id: string }[] }>(operator.page.request, "GET", "/api/workorders?mine=1&status=STARTED&pageSize=200");
    for (const w of running.items) await apiJson(operator.page.request, "POST", `/api/workorders/${w.id}/pause`, {});
    await apiJson(operator.page.request, "POST", `/api/workorders/${a.wos[0]!.id}/start`, {});
    await visible(card(column(page, `op:${a.wos[0]!.title}`), a.orderNo).getByText("Started"));
    await apiJson(operator.page.request, "POST", `/api/workorders/${a.wos[0]!.id}/complete`, {});

    // No reload: the socket's events refetch the board.
    await visible(card(column(page, `op:${a.wos[1]!.title}`), a.orderNo));
    assert.equal(await card(column(page, `op:${a.wos[0]!.title}`), a.orderNo).count(), 0);
    await assertText(card(page, a.orderNo).getByRole("progressbar").locator(".."), "1/");
    assert.deepEqual(pageErrors, []);
  });
});
