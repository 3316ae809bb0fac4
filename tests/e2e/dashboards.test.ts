import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { BASE_URL, DEMO_USERS, assertText, launchBrowser, navLinks, openTab, screenshot, signIn, visible } from "./helpers";

// What the permission table (docs/domain.md) lets each role open (operators only their own work).
const NAV_BY_ROLE: Record<string, string[]> = {
  ADMIN: ["Dashboard", "My work", "Orders", "Stage board", "Work orders", "Products", "Work centers", "Stock", "Reports", "Users", "Audit log", "Pause reasons", "Webhooks", "Import", "Stations", "Badges", "Profile"],
  MANAGER: ["Dashboard", "My work", "Orders", "Stage board", "Work orders", "Products", "Work centers", "Stock", "Reports", "Import", "Stations", "Profile"],
  OPERATOR: ["Dashboard", "My work", "Profile"],
  INVENTORY: ["Dashboard", "Orders", "Stage board", "Work orders", "Products", "Stock", "Reports", "Import", "Profile"],
  SALES: ["Dashboard", "Orders", "Stage board", "Work orders", "Products", "Reports", "Profile"],
  VIEWER: ["Dashboard", "Orders", "Stage board", "Work orders", "Products", "Stock", "Reports", "Profile"],
};

describe("every demo user sees their own dashboard", () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const user of DEMO_USERS) {
    test(`${user.role}: ${user.email} signs in and sees "${user.heading}"`, async () => {
      const { context, page, pageErrors } = await openTab(browser);
      try {
        await signIn(page, user.email, user.password, user.role);
        const section = page.getByTestId(`dashboard-${user.role}`);
        await assertText(section.getByRole("heading", { level: 1 }), user.heading);
        // Only the user's own dashboard is on the page.
        assert.equal(await page.locator('[data-testid^="dashboard-"]').count(), 1);

        const current = page.getByTestId("current-user");
        await assertText(current, user.name);
        await assertText(current, user.roleLabel);

        const links = await navLinks(page);
        assert.deepEqual(links, NAV_BY_ROLE[user.role]);
        assert.equal(await page.getByRole("link", { name: "Dashboard" }).getAttribute("aria-current"), "page");

        await screenshot(page, `dashboard-${user.role}`);
        assert.deepEqual(pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }

  test("the admin dashboard links to the users page", async () => {
    const { context, page } = await openTab(browser);
    const admin = DEMO_USERS[0]!;
    try {
      await signIn(page, admin.email, admin.password, admin.role);
      await page.getByTestId("dashboard-ADMIN").getByRole("link", { name: /Users/ }).click();
      await page.waitForURL(`${BASE_URL}/admin/users`);
      await visible(page.locator('[data-testid="user-row"][data-email="admin@demo.com"]'));
    } finally {
      await context.close();
    }
  });

  test("the manager's KPI cards show the database's figures and the throughput chart renders", async () => {
    const { context, page } = await openTab(browser);
    const manager = DEMO_USERS[1]!;
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      const kpis = (await (await page.request.get(`${BASE_URL}/api/reports/kpis`)).json()) as { mosByState: Record<string, number> };
      await assertText(page.getByTestId("kpi-planned"), String(kpis.mosByState.PLANNED));
      await assertText(page.getByTestId("kpi-in-progress"), String(kpis.mosByState.IN_PROGRESS));
      await visible(page.getByTestId("throughput-chart").locator("svg.recharts-surface"));
      await screenshot(page, "dashboard-MANAGER-kpis");
    } finally {
      await context.close();
    }
  });

  test("the operator's dashboard is their work: the scan box and only their open work orders, with their actions", async () => {
    const { context, page } = await openTab(browser);
    const operator = DEMO_USERS[2]!;
    try {
      await page.setViewportSize({ width: 768, height: 1024 });
      await signIn(page, operator.email, operator.password, operator.role);
      const mine = (await (await page.request.get(`${BASE_URL}/api/workorders?mine=1&status=PENDING,STARTED,PAUSED&pageSize=200`)).json()) as { items: { code: string; mo: { state: string } }[] };
      // A WO of a done or canceled order is no longer work (useMyWorkOrders).
      const workable = mine.items.filter((w) => w.mo.state === "PLANNED" || w.mo.state === "IN_PROGRESS");
      await visible(page.getByTestId("scan-box"));
      await visible(page.getByTestId(workable.length ? "wo-card" : "operator-work").first());
      const shown = await page.getByTestId("wo-card").evaluateAll((els) => els.filter((e) => e.getAttribute("data-status") !== "COMPLETED").map((e) => e.getAttribute("data-code")));
      assert.deepEqual([...shown].sort(), workable.map((w) => w.code).sort());
      for (const code of shown) await visible(page.locator(`[data-testid="wo-card"][data-code="${code}"]`).getByTestId("wo-actions"));
      await screenshot(page, "dashboard-OPERATOR-tablet");
    } finally {
      await context.close();
    }
  });

  test("the audit log lists entries for the admin and is not allowed for a manager", async () => {
    const admin = DEMO_USERS[0]!;
    const manager = DEMO_USERS[1]!;
    const a = await openTab(browser);
    try {
      await signIn(a.page, admin.email, admin.password, admin.role);
      await a.page.goto(`${BASE_URL}/admin/audit`);
      await visible(a.page.getByTestId("audit-table"));
    } finally {
      await a.context.close();
    }
    const m = await openTab(browser);
    try {
      await signIn(m.page, manager.email, manager.password, manager.role);
      await m.page.goto(`${BASE_URL}/admin/audit`);
      await visible(m.page.getByText(/not allowed/i).first());
    } finally {
      await m.context.close();
    }
  });

  test("the reports page downloads a CSV of the orders", async () => {
    const { context, page } = await openTab(browser);
    const manager = DEMO_USERS[1]!;
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      await page.goto(`${BASE_URL}/reports`);
      const download = page.waitForEvent("download");
      await page.getByTestId("report-mos").getByRole("button", { name: /CSV/ }).click();
      const file = await download;
      assert.match(file.suggestedFilename(), /\.csv$/);
      const path = await file.path();
      const { readFileSync } = await import("node:fs");
      const text = readFileSync(path!, "utf8");
      assert.match(text.split("\n")[0]!, /order/i);
      // The production build serves the binary formats too (pdfkit and exceljs run outside the bundles).
      for (const [report, button, magic] of [["kpis", /PDF/, "%PDF"], ["mos", /Excel/, "PK"]] as const) {
        const next = page.waitForEvent("download");
        await page.getByTestId(`report-${report}`).getByRole("button", { name: button }).click();
        const bytes = readFileSync((await (await next).path())!);
        assert.equal(bytes.subarray(0, magic.length).toString("latin1"), magic);
      }
    } finally {
      await context.close();
    }
  });
});
