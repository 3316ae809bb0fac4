// The managers' planning screens in a real browser: products with a two-level BOM (and a refused
// cycle), an MO with its requirements before saving, work orders assigned from the MO and the board,
// the MO list's filters, and what SALES and VIEWER may (not) do on these pages.
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { BASE_URL, alertIn, assertText, demo, launchBrowser, openTab, screenshot, signIn, unique, visible } from "./helpers";

const manager = demo("MANAGER");
const DESKTOP = { width: 1280, height: 800 };

/** A JSON API call with the page's session (fixtures the UI flows below do not cover). */
async function api<T>(page: Page, method: "GET" | "POST" | "PUT" | "PATCH", url: string, body?: unknown): Promise<T> {
  const res = await page.request.fetch(url, { method, data: body === undefined ? undefined : JSON.stringify(body), headers: { "Content-Type": "application/json" } });
  const text = await res.text();
  assert.ok(res.ok(), `${method} ${url} answered ${res.status()}: ${text}`);
  return JSON.parse(text) as T;
}

interface Item {
  id: string;
}

async function idOfSku(page: Page, sku: string): Promise<string> {
  const found = await api<{ items: (Item & { sku: string })[] }>(page, "GET", `/api/products?q=${encodeURIComponent(sku)}&includeArchived=true`);
  const p = found.items.find((i) => i.sku === sku);
  assert.ok(p, `no product ${sku}`);
  return p.id;
}

/** Creates a product through the "New product" form; ends on its detail page. */
async function createProductInUi(page: Page, p: { sku: string; name: string; finished: boolean; uom?: string }): Promise<void> {
  await page.goto("/products");
  await page.getByRole("button", { name: "New product" }).click();
  const form = page.getByRole("form", { name: "New product" });
  await form.getByLabel("SKU").fill(p.sku);
  await form.getByLabel("Name").fill(p.name);
  await form.getByLabel(p.finished ? "Finished product" : "Material or part").check();
  if (p.uom) await form.getByLabel("Unit of measure").fill(p.uom);
  await form.getByRole("button", { name: "Create product" }).click();
  await visible(page.locator(`[data-testid="product-detail"][data-sku="${p.sku}"]`));
  await visible(page.getByTestId("bom-editor"));
}

/** Adds a component in the BOM editor through the material picker. */
async function addComponent(page: Page, sku: string, qty: string): Promise<void> {
  const editor = page.getByTestId("bom-editor");
  await editor.getByRole("button", { name: "Add component" }).click();
  const picker = page.getByTestId("material-picker");
  await picker.getByLabel("Find a material or part").fill(sku);
  await picker.getByRole("button", { name: new RegExp(`^${sku}\\b`) }).click();
  await editor.getByLabel(`Per unit of ${sku}`).fill(qty);
}

/** The label of a select's chosen option. */
function selectedText(select: Locator): Promise<string> {
  return select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text ?? "");
}

async function saveBom(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save bill of materials" }).click();
}

describe("planning screens", () => {
  let browser: Browser;
  const u = unique().toUpperCase();
  const frame = `FRAME-${u}`;
  const desk = `DESK-${u}`;
  // A fixture order made through the API, for the list, board and role tests.
  const fixture = { moId: "", orderNo: "", name: `Fixture order ${u}`, woId: "", woCode: "" };

  before(async () => {
    browser = await launchBrowser();
    const { context, page } = await openTab(browser);
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      const table = await idOfSku(page, "TABLE-100");
      const mo = await api<Item & { orderNo: string }>(page, "POST", "/api/mos", { name: fixture.name, productId: table, quantity: 2, priority: "HIGH", customerName: "Acme Fixtures", deadline: "2026-01-15" });
      fixture.moId = mo.id;
      fixture.orderNo = mo.orderNo;
      const operator = await api<{ items: { assignee: { id: string; name: string } | null }[] }>(page, "GET", "/api/workorders?pageSize=200");
      const otto = operator.items.map((w) => w.assignee).find((a) => a?.name === "Otto Operator");
      assert.ok(otto, "the demo operator holds a work order");
      const wo = await api<Item & { code: string }>(page, "POST", `/api/mos/${mo.id}/workorders`, { title: `Paint ${u}`, assignedToId: otto.id });
      fixture.woId = wo.id;
      fixture.woCode = wo.code;
    } finally {
      await context.close();
    }
  });
  after(async () => {
    await browser?.close();
  });

  test("the manager builds a two-level BOM, sees the tree, and a cycle is refused with the API's message", async () => {
    const { context, page, pageErrors } = await openTab(browser);
    try {
      await signIn(page, manager.email, manager.password, manager.role);

      // Level 2: a frame made of steel plate.
      await createProductInUi(page, { sku: frame, name: `Desk frame ${u}`, finished: false });
      await addComponent(page, "STEEL-01", "2");
      await saveBom(page);
      await assertText(page.getByTestId("bom-editor").getByRole("status"), "The bill of materials was saved.");

      // Level 1: a desk made of the frame and screws, with two operations put in order.
      await createProductInUi(page, { sku: desk, name: `Office desk ${u}`, finished: true });
      await addComponent(page, frame, "1");
      await addComponent(page, "SCR-01", "8");
      const editor = page.getByTestId("bom-editor");
      await editor.getByRole("button", { name: "Add operation" }).click();
      await editor.getByLabel("Title of operation 1").fill("Assemble desk");
      await editor.getByLabel("Work center of operation 1").selectOption({ label: "Assembly" });
      await editor.getByLabel("Minutes per unit of operation 1").fill("10");
      await editor.getByRole("button", { name: "Add operation" }).click();
      await editor.getByLabel("Title of operation 2").fill("Weld frame");
      await editor.getByLabel("Work center of operation 2").selectOption({ label: "Welding" });
      await editor.getByLabel("Minutes per unit of operation 2").fill("15");
      await editor.getByRole("button", { name: "Move operation 2 up" }).click();
      assert.equal(await editor.getByLabel("Title of operation 1").inputValue(), "Weld frame");
      await saveBom(page);
      await assertText(editor.getByRole("status"), "The bill of materials was saved.");

      // Stored, not only shown: the operations come back in the new order after a reload.
      await page.reload();
      const reloaded = await visible(page.getByTestId("bom-editor"));
      await visible(reloaded.locator(`[data-testid="bom-component"][data-sku="${frame}"]`));
      assert.equal(await reloaded.getByLabel("Title of operation 1").inputValue(), "Weld frame");
      assert.equal(await reloaded.getByLabel("Title of operation 2").inputValue(), "Assemble desk");

      // The multi-level tree for 3 desks: 3 frames, each of 2 plates → 6 plates.
      const tree = page.getByTestId("tree");
      await tree.getByLabel(/^Quantity/).fill("3");
      const steel = tree.locator('[data-testid="tree-node"][data-sku="STEEL-01"][data-depth="2"]');
      await assertText(steel.getByTestId("tree-qty").first(), "6 pcs");
      await assertText(tree.locator(`[data-testid="tree-node"][data-sku="${frame}"]`).getByTestId("tree-qty").first(), "3 pcs");
      await tree.getByRole("button", { name: `Collapse ${frame}` }).click();
      await steel.waitFor({ state: "detached" });
      await tree.getByRole("button", { name: `Expand ${frame}` }).click();
      await visible(steel);
      await assertText(tree.locator('[data-testid="raw-material"][data-sku="SCR-01"]'), "24 pack");

      await page.setViewportSize(DESKTOP);
      await screenshot(page, "planning-bom-editor-1280x800");
      await page.setViewportSize({ width: 768, height: 1024 });
      await screenshot(page, "planning-bom-editor-768x1024");

      // A cycle: the frame may not contain the desk that contains it.
      await page.goto(`/products/${await idOfSku(page, frame)}`);
      await visible(page.getByTestId("bom-editor"));
      await addComponent(page, desk, "1");
      await saveBom(page);
      const refusal = page.getByTestId("bom-editor").getByRole("alert");
      await assertText(refusal, "This BOM would contain its own product");
      await assertText(refusal, desk);
      await screenshot(page, "planning-bom-cycle");
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("the manager sees requirements and shortages before saving an MO, then adds and assigns a work order", async () => {
    const { context, page, pageErrors } = await openTab(browser);
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      await page.goto("/mos");
      await page.getByRole("link", { name: "New order" }).click();
      await page.waitForURL(`${BASE_URL}/mos/new`);
      const form = page.getByRole("form", { name: "New manufacturing order" });
      await form.getByLabel("Product to make").fill("TABLE-100");
      await form.getByRole("button", { name: /^TABLE-100\b/ }).click();
      await visible(form.getByTestId("chosen-product"));

      // 60 tables need 120 steel plates; the demo stock has 100.
      await form.getByLabel(/^Quantity/).fill("60");
      const reqs = form.getByTestId("requirements");
      const steel = reqs.locator('[data-testid="raw-material"][data-sku="STEEL-01"]');
      await assertText(steel, "120 pcs");
      await assertText(steel, "Short");
      await assertText(reqs.getByRole("alert"), "Not enough stock for this order");
      await assertText(reqs.getByTestId("direct-components"), "SCR-01");

      // 5 tables fit.
      await form.getByLabel(/^Quantity/).fill("5");
      await assertText(steel, "10 pcs");
      await assertText(reqs.getByRole("status"), "Enough stock on hand");

      const name = `Tables for Acme ${u}`;
      await form.getByLabel("Order name").fill(name);
      await form.getByLabel("Priority").selectOption("URGENT");
      await form.getByLabel("Customer name").fill("Acme Corp");
      await form.getByLabel("Customer reference").fill(`PO-${u}`);
      await form.getByRole("button", { name: "Create order" }).click();

      const detail = await visible(page.getByTestId("mo-detail"));
      await page.waitForURL(/\/mos\/[0-9a-f-]{36}$/);
      await assertText(page.getByRole("heading", { level: 1 }), "Planned");
      await assertText(detail.getByTestId("customer-fields"), "Acme Corp");
      // The product's two operations became work orders.
      assert.equal(await detail.getByTestId("wo-row").count(), 2);

      const works = detail.getByTestId("work-orders");
      await works.getByRole("button", { name: "Add work order" }).click();
      const woForm = page.getByRole("form", { name: "New work order" });
      await woForm.getByLabel("Title").fill(`Quality check ${u}`);
      await woForm.getByLabel("Assignee").selectOption({ label: "Otto Operator" });
      await woForm.getByLabel("Work center").selectOption({ label: "Assembly" });
      await woForm.getByRole("button", { name: "Add work order" }).click();
      await assertText(works.getByRole("status"), "assigned to Otto Operator");
      const row = works.getByTestId("wo-row").filter({ hasText: `Quality check ${u}` });
      await visible(row);
      const code = await row.getAttribute("data-code");
      assert.ok(code);
      assert.equal(await selectedText(row.getByLabel(`Assignee of ${code}`)), "Otto Operator");

      // Assign one of the BOM's work orders too, from its row.
      const first = works.getByTestId("wo-row").first();
      const firstCode = await first.getAttribute("data-code");
      await first.getByLabel(`Assignee of ${firstCode}`).selectOption({ label: "Maria Manager" });
      await assertText(works.getByRole("status"), `${firstCode} is now assigned to Maria Manager.`);
      assert.equal(await selectedText(first.getByLabel(`Assignee of ${firstCode}`)), "Maria Manager");
      await page.waitForLoadState("networkidle");
      assert.equal(await selectedText(first.getByLabel(`Assignee of ${firstCode}`)), "Maria Manager");

      // An issue reported on the shop floor shows up on the order without a reload.
      const href = await row.getByRole("link", { name: code }).getAttribute("href");
      const woId = href?.split("/").pop();
      assert.ok(woId);
      await api(page, "POST", `/api/workorders/${woId}/comments`, { content: `Scratch on the top ${u}`, kind: "ISSUE" });
      const comments = detail.getByTestId("comments");
      await assertText(comments, `Scratch on the top ${u}`);
      await assertText(comments, "1 issue");

      await page.setViewportSize(DESKTOP);
      await screenshot(page, "planning-mo-detail-1280x800");
      await page.setViewportSize({ width: 768, height: 1024 });
      await screenshot(page, "planning-mo-detail-768x1024");
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("the MO list filters by state and search, and completing an order asks for confirmation", async () => {
    const { context, page, pageErrors } = await openTab(browser);
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      await page.goto("/mos");
      await visible(page.getByTestId("mo-row").first());
      await page.getByLabel("Search").fill(fixture.name);
      const row = page.locator(`[data-testid="mo-row"][data-order-no="${fixture.orderNo}"]`);
      await visible(row);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="mo-row"]').length === 1);
      await page.waitForURL(/q=Fixture/);

      await page.getByLabel("State").selectOption("DONE");
      await assertText(page.getByRole("main"), "No orders match");
      await page.getByLabel("State").selectOption("PLANNED");
      await visible(row);
      await assertText(row, "Planned");
      await assertText(row, "High");
      // Its deadline has passed: highlighted, with the word, not only the color.
      await assertText(row.getByTestId("late"), "Late");

      // The order number finds it too, and the filters survive a reload (they are in the address).
      await page.getByLabel("Search").fill(fixture.orderNo);
      await page.waitForURL(new RegExp(`q=${fixture.orderNo}`));
      await page.reload();
      await visible(row);
      assert.equal(await page.getByLabel("State").inputValue(), "PLANNED");
      assert.equal(await page.getByLabel("Search").inputValue(), fixture.orderNo);

      await page.getByLabel("Search").fill("");
      await page.getByLabel("State").selectOption("");
      await page.waitForURL((url) => url.search === "");
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="mo-row"]').length > 1);
      await page.setViewportSize(DESKTOP);
      await screenshot(page, "planning-mo-list-1280x800");
      await page.setViewportSize({ width: 768, height: 1024 });
      await screenshot(page, "planning-mo-list-768x1024");

      // Complete with a confirmation step; a shortage would be listed, here the stock suffices.
      await page.goto(`/mos/${fixture.moId}`);
      await page.getByRole("button", { name: "Complete…" }).click();
      const confirm = page.getByTestId("complete-panel");
      await confirm.getByLabel(/^Quantity produced/).fill("500");
      await confirm.getByRole("button", { name: "Complete order" }).click();
      const refused = confirm.getByRole("alert");
      await assertText(refused, "Not enough stock");
      await assertText(refused.getByTestId("shortage-list"), "STEEL-01");
      await screenshot(page, "planning-mo-complete-shortage");
      await confirm.getByRole("button", { name: "Back" }).click();
      await assertText(page.getByRole("heading", { level: 1 }), "Planned");
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("the board shows a work order in its column; a transfer works, and a running one is refused with the API's message", async () => {
    const { context, page, pageErrors } = await openTab(browser);
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      await page.goto(`/workorders?moId=${fixture.moId}`);
      const pending = page.getByTestId("column-PENDING");
      const card = pending.locator(`[data-testid="wo-card"][data-code="${fixture.woCode}"]`);
      await visible(card);
      await assertText(card, fixture.orderNo);
      await assertText(card, `Paint ${u}`);

      // Transfer Otto's work order to the manager.
      await card.getByLabel(`Assignee of ${fixture.woCode}`).selectOption({ label: "Maria Manager" });
      await assertText(page.getByTestId("board-notice"), `${fixture.woCode} is now assigned to Maria Manager.`);
      await page.reload();
      const again = await visible(page.locator(`[data-testid="wo-card"][data-code="${fixture.woCode}"]`));
      assert.equal(await selectedText(again.getByLabel(`Assignee of ${fixture.woCode}`)), "Maria Manager");

      // Once started, it moves to the STARTED column (live) and cannot change hands.
      await api(page, "POST", `/api/workorders/${fixture.woId}/start`, {});
      const started = page.getByTestId("column-STARTED").locator(`[data-testid="wo-card"][data-code="${fixture.woCode}"]`);
      await visible(started);
      await started.getByLabel(`Assignee of ${fixture.woCode}`).selectOption({ label: "Otto Operator" });
      await assertText(started.getByRole("alert"), "pause it before changing its assignee");

      await page.setViewportSize(DESKTOP);
      await screenshot(page, "planning-board-1280x800");
      await page.setViewportSize({ width: 768, height: 1024 });
      await screenshot(page, "planning-board-768x1024");
      await api(page, "POST", `/api/workorders/${fixture.woId}/pause`, {});
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("SALES edits only the customer fields of an MO; no cancel, complete or work-order controls", async () => {
    const sales = demo("SALES");
    const { context, page, pageErrors } = await openTab(browser);
    try {
      await signIn(page, sales.email, sales.password, sales.role);
      await page.goto(`/mos/${fixture.moId}`);
      const detail = await visible(page.getByTestId("mo-detail"));
      await visible(detail.getByTestId("wo-row").first());
      for (const name of [/^Complete/, /^Cancel order/, /^Edit order$/, "Add work order"]) {
        assert.equal(await page.getByRole("button", { name }).count(), 0, `SALES must not see ${String(name)}`);
      }
      assert.equal(await detail.getByRole("combobox", { name: /^Assignee of/ }).count(), 0);

      await page.getByRole("button", { name: "Edit customer details" }).click();
      const form = page.getByRole("form", { name: "Edit customer details" });
      for (const label of ["Order name", /^Quantity/, "Deadline", "Priority"]) {
        assert.equal(await form.getByLabel(label).count(), 0, `SALES must not get a ${String(label)} field`);
      }
      await form.getByLabel("Customer reference").fill(`SO-${u}`);
      await form.getByLabel("Notes").fill("Deliver to the back entrance");
      await form.getByRole("button", { name: "Save changes" }).click();
      await assertText(page.getByTestId("mo-notice"), "The changes were saved.");
      await assertText(page.getByTestId("customer-fields"), `SO-${u}`);
      await assertText(page.getByTestId("customer-fields"), "Deliver to the back entrance");
      await assertText(page.getByTestId("fact-quantity"), "2 pcs");

      // The create page is not theirs.
      await page.goto("/mos/new");
      await visible(page.getByTestId("forbidden"));
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("VIEWER sees no write controls on any planning page", async () => {
    const viewer = demo("VIEWER");
    const { context, page, pageErrors } = await openTab(browser);
    const noButtons = async (names: (string | RegExp)[]) => {
      for (const name of names) assert.equal(await page.getByRole("main").getByRole("button", { name }).count(), 0, `VIEWER must not see ${String(name)} on ${page.url()}`);
    };
    try {
      await signIn(page, viewer.email, viewer.password, viewer.role);

      await page.goto("/mos");
      await visible(page.getByTestId("mo-row").first());
      assert.equal(await page.getByRole("link", { name: "New order" }).count(), 0);

      await page.goto(`/mos/${fixture.moId}`);
      await visible(page.getByTestId("mo-detail").getByTestId("wo-row").first());
      await noButtons([/^Edit/, /^Complete/, /^Cancel order/, "Add work order"]);
      assert.equal(await page.getByRole("combobox", { name: /^Assignee of/ }).count(), 0);

      await page.goto(`/workorders?moId=${fixture.moId}`);
      await visible(page.getByTestId("wo-card").first());
      assert.equal(await page.getByRole("combobox", { name: /^Assignee of/ }).count(), 0);

      await page.goto("/products");
      await visible(page.getByTestId("product-row").first());
      await noButtons(["New product"]);
      await page.locator('[data-testid="product-row"][data-sku="TABLE-100"]').getByRole("link").click();
      await visible(page.locator('[data-testid="bom-component"][data-sku="STEEL-01"]'));
      await noButtons([/^Edit product/, /^Archive/, "Add component", "Add operation", "Save bill of materials"]);
      assert.equal(await page.getByRole("main").getByRole("textbox").count(), 1, "only the tree's quantity box");

      for (const forbidden of ["/workcenters", "/mos/new"]) {
        await page.goto(forbidden);
        await visible(page.getByTestId("forbidden"));
      }
      assert.equal(await alertIn(page).count(), 0);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("the planning pages have no serious accessibility violations (axe-core)", async () => {
    const { context, page } = await openTab(browser);
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      const table = await idOfSku(page, "TABLE-100");
      const pages: [string, string][] = [
        ["/mos", '[data-testid="mo-row"]'],
        ["/mos/new", '[data-testid="product-picker-results"] button'],
        [`/mos/${fixture.moId}`, '[data-testid="wo-row"]'],
        ["/workorders", '[data-testid="wo-card"]'],
        ["/products", '[data-testid="product-row"]'],
        [`/products/${table}`, '[data-testid="tree-node"]'],
        ["/workcenters", '[data-testid="workcenter-row"]'],
      ];
      const problems: string[] = [];
      for (const [url, ready] of pages) {
        await page.goto(url);
        await visible(page.locator(ready).first());
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
          problems.push(`${url}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("work centers: the manager creates one and deactivates it", async () => {
    const { context, page, pageErrors } = await openTab(browser);
    const name = `Paint booth ${u}`;
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      await page.goto("/workcenters");
      await page.getByRole("button", { name: "New work center" }).click();
      const form = page.getByRole("form", { name: "New work center" });
      await form.getByLabel("Name").fill(name);
      await form.getByLabel("Cost per hour").fill("52.5");
      await form.getByLabel("Capacity").fill("3");
      await form.getByRole("button", { name: "Create work center" }).click();
      await assertText(page.getByTestId("workcenters-notice"), `${name} was created.`);
      const row = page.locator(`[data-testid="workcenter-row"][data-name="${name}"]`);
      await assertText(row, "52.50");
      await row.getByRole("button", { name: `Edit ${name}` }).click();
      const edit = page.getByRole("form", { name: `Edit ${name}` });
      await edit.getByLabel(/^Active/).uncheck();
      await edit.getByRole("button", { name: "Save work center" }).click();
      await assertText(row, "Inactive");
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
