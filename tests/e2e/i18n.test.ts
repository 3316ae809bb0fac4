// Issue 11 in a real browser: a Dutch user. Switching language live from the profile menu, the
// dashboards, an order created with a decimal comma, the operator tablet, the ledger, a CSV export read
// back, the sign-in page following the browser, axe-core with lang="nl", and a scan of the main pages
// for English left over. The tests say what they expect in English (the words the English tests use)
// and look the Dutch up in messages/nl (tests/e2e/catalog.ts), except the glossary's domain words
// (docs/glossary.md), which are asserted literally: those are the issue's vocabulary, not a choice.
// The README's screenshots of both languages are saved to tests/e2e/artifacts/readme/.
import AxeBuilder from "@axe-core/playwright";
import { parse } from "csv-parse/sync";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { catalog, dutch, dutchRe, message, namespaces } from "./catalog";
import { ARTIFACTS, BASE_URL, apiJson, assertText, demo, launchBrowser, navLinks, openTab, signIn, unique, visible, type Role, type Tab } from "./helpers";

interface Wo {
  id: string;
  code: string;
  status: string;
  sequence: number;
}


const setLocale = (page: Page, locale: "en" | "nl" | null) => apiJson(page.request, "PATCH", "/api/me", { locale });
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** Waits until <html lang> is `lang` (what screen readers and axe read the page as). */
async function expectLang(page: Page, lang: string): Promise<void> {
  try {
    await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 10_000 });
  } catch {
    assert.fail(`<html lang> is "${await htmlLang(page)}" on ${page.url()}, expected "${lang}"`);
  }
}

/** The Dutch versions of the first of `englishes` that the catalogs have (a label may be one message or two). */
function dutchOf(...englishes: string[]): string[] {
  const errors: string[] = [];
  for (const e of englishes) {
    try {
      return dutch(e);
    } catch (err) {
      errors.push(String(err));
    }
  }
  throw new Error(errors.join("; "));
}

/** Waits until the locator's whole text is the Dutch of `english`; fails with what it reads instead. */
async function expectDutch(locator: Locator, ...english: string[]): Promise<void> {
  const wanted = dutchOf(...english).map(squash);
  const deadline = Date.now() + 15_000;
  let actual = "(no element)";
  while (Date.now() < deadline) {
    if (await locator.count()) {
      actual = squash(await locator.first().innerText());
      if (wanted.includes(actual)) return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`expected ${String(locator)} to read ${wanted.map((w) => `"${w}"`).join(" or ")} (Dutch for "${english[0]}"), it reads "${actual}"`);
}

/** A full-page screenshot for the README (copied to docs/screenshots/ by hand when the screens change). */
async function readmeShot(page: Page, name: string): Promise<void> {
  const dir = path.join(ARTIFACTS, "readme");
  mkdirSync(dir, { recursive: true });
  await settled(page);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The plant dashboard with its figures and chart drawn. */
async function plantDashboardReady(page: Page): Promise<void> {
  await visible(page.getByTestId("kpi-planned"));
  await visible(page.getByTestId("throughput-chart").locator("svg.recharts-surface"));
  await page.waitForLoadState("networkidle");
}

// What the manager's navigation reads in English (dashboards.test.ts).
const MANAGER_NAV = ["Dashboard", "My work", "Orders", "Stage board", "Work orders", "Products", "Work centers", "Stock", "Reports", "Import", "Stations", "Profile"];
// The plant dashboard's KPI cards and panels (components/dashboard/PlantDashboard.tsx).
const PLANT_KPIS: Record<string, string> = {
  "kpi-planned": "Planned",
  "kpi-in-progress": "In progress",
  "kpi-done": "Done",
  "kpi-late": "Late",
  "kpi-on-time": "On time (30 days)",
  "kpi-wo-today": "WOs completed today",
  "kpi-wo-week": "WOs completed this week",
  "kpi-low-stock": "Low-stock products",
};
const PLANT_PANELS = ["Orders completed per day (last 30 days)", "Late orders", "In progress", "Worked minutes per operation (30 days)"];
// The glossary's words for a work order's status on the tablet and a ledger entry's source.
const WO_STATUS_NL: Record<string, string> = { PENDING: "Open", STARTED: "Gestart", PAUSED: "Gepauzeerd", COMPLETED: "Afgerond" };
const SOURCE_NL: Record<string, string> = { RECEIPT: "Ontvangst", MANUAL: "Correctie" };

/** Waits for the page's requests to end (bounded: a page that keeps polling is measured as it is). */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
}

// What a person reads on the page: its text, the labelling attributes of what is shown, the title and
// <html lang>. A string, so the test runner's transform adds no helpers the page does not have.
const PAGE_TEXT = `(() => {
  const attributes = [];
  for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], [alt]")) {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const shown = style.visibility !== "hidden" && style.display !== "none" && (r.width > 0 || r.height > 0 || el.classList.contains("sr-only"));
    if (!shown) continue;
    for (const a of ["aria-label", "placeholder", "title", "alt"]) {
      const v = el.getAttribute(a);
      if (v) attributes.push(a + '="' + v + '"');
    }
  }
  return { text: document.body.innerText, attributes, title: document.title, lang: document.documentElement.lang };
})()`;

// Words that are English only (Dutch shares "Order", "Product", "Status", "Start", "Operator",
// "Dashboard", "Deadline", "Filter", "Export", so those tell nothing). Case-sensitive whole words, so
// data such as product names ("Metal Table") and audit codes ("mo.create") do not count.
const TELLTALES = [
  "Manufacturing order", "Manufacturing orders", "Work order", "Work orders", "Work center", "Work centers",
  "Stock", "Save", "Cancel", "Quantity", "Loading", "Search", "Sign out", "Planned", "In progress", "Done",
  "Due", "Receive", "Ledger", "Balance", "Customer", "Priority", "Reports", "Users", "Products", "Materials",
  "Operation", "Operations", "Comments", "Create", "Edit", "Delete", "Previous", "Next", "Yes", "No", "Any",
  "Back", "Reason", "Notes", "Name", "Role", "When", "Change", "Source", "Assigned", "Unassigned",
  "Open my work", "View order", "consumed", "produced", "minutes", "hours",
  // Small English words of sentences ("of", "is" and "in" are Dutch words too).
  "the", "and", "with", "your", "this", "from", "there", "will",
];
const TELLTALE = new RegExp(`(?<![\\p{L}\\d.])(${TELLTALES.map((w) => w.replace(/ /g, "\\s+")).join("|")})(?![\\p{L}\\d])`, "gu");

/**
 * The English telltales (and messages shown as their key, production's fallback for a missing
 * message) on a page, one line each with some context; and a wrong <html lang> when `lang` is given.
 */
async function englishOn(page: Page, url: string, lang?: string, data: readonly string[] = []): Promise<string[]> {
  const keyLike = new RegExp(`\\b(?:${namespaces().join("|")})\\.[A-Za-z]\\w*\\.[A-Za-z]\\w*`, "g");
  await page.goto(url);
  await visible(page.locator("main h1").first());
  await settled(page);
  const shown = await page.evaluate<{ text: string; attributes: string[]; title: string; lang: string }>(PAGE_TEXT);
  assert.ok(shown.text.length > 50, `${url} shows some text to scan`);
  // What was read, for a person to review beyond the telltales (tests/e2e/artifacts/i18n-scan/).
  const dir = path.join(ARTIFACTS, "i18n-scan");
  mkdirSync(dir, { recursive: true });
  const who = (await page.getByTestId("current-user").innerText().catch(() => "")).split("\n")[0]!.replace(/\W+/g, "_");
  writeFileSync(path.join(dir, `${lang ?? "en"}-${who}-${url.replace(/[^\w]+/g, "_")}.txt`), [shown.title, shown.text, ...shown.attributes].join("\n"));
  const out: string[] = [];
  if (lang && shown.lang !== lang) out.push(`${url}: <html lang="${shown.lang}">`);
  // Data is not translated: the records' own words (names, descriptions) and the audit log's JSON payloads.
  const withoutData = (text: string) => data.reduce((t, d) => t.split(d).join(" "), text.replace(/\{\s*"[\s\S]*?\n\}/g, " "));
  for (const [where, raw] of [["text", shown.text], ["title", shown.title], ...shown.attributes.map((a) => ["attribute", a] as const)] as const) {
    const source = withoutData(raw);
    for (const m of source.matchAll(TELLTALE)) {
      const at = m.index ?? 0;
      out.push(`${url} (${where}): "${m[1]}" in "…${squash(source.slice(Math.max(0, at - 30), at + m[0].length + 30))}…"`);
    }
    for (const m of source.matchAll(keyLike)) out.push(`${url} (${where}): message key shown: ${m[0]}`);
  }
  return out;
}

/** Serious and critical WCAG 2.1 A/AA violations on the page, one line each (as a11y.test.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

describe("a Dutch user (issue 11)", () => {
  const u = unique();
  const sku = `GRAN-${u}`.toUpperCase();
  const people: Record<"MANAGER" | "OPERATOR" | "INVENTORY" | "ADMIN", { name: string; email: string; password: string }> = {
    MANAGER: { name: `Petra Planner ${u}`, email: `nl-manager-${u}@e2e.test`, password: `Planner${u}1` },
    OPERATOR: { name: `Otto Oosterhout ${u}`, email: `nl-operator-${u}@e2e.test`, password: `Operator${u}1` },
    INVENTORY: { name: `Mila Magazijn ${u}`, email: `nl-inventory-${u}@e2e.test`, password: `Magazijn${u}1` },
    ADMIN: { name: `Bram Beheerder ${u}`, email: `nl-admin-${u}@e2e.test`, password: `Beheer${u}1` },
  };
  const ids: Partial<Record<keyof typeof people, string>> = {};
  let browser: Browser;
  let admin: Tab;
  /** The Dutch people's tabs, signed in with their preference saved as Dutch. */
  const nl: Partial<Record<keyof typeof people, Tab>> = {};
  /** A finished product counted in kg (decimals allowed), 1,234.5 kg on hand, reorder point 2,000. */
  let product: { id: string; sku: string; name: string };

  async function dutchTab(role: keyof typeof people): Promise<Tab> {
    const tab = await openTab(browser);
    const p = people[role];
    await signIn(tab.page, p.email, p.password, role as Role);
    await setLocale(tab.page, "nl");
    return tab;
  }

  before(async () => {
    browser = await launchBrowser();
    admin = await openTab(browser);
    const a = demo("ADMIN");
    await signIn(admin.page, a.email, a.password, a.role);
    for (const [role, p] of Object.entries(people) as [keyof typeof people, (typeof people)[keyof typeof people]][]) {
      ids[role] = (await apiJson<{ id: string }>(admin.page.request, "POST", "/api/users", { ...p, role })).id;
    }
    product = await apiJson(admin.page.request, "POST", "/api/products", { sku, name: `Granulaat ${u}`, isFinished: true, uom: "kg", reorderPoint: 2000 });
    await apiJson(admin.page.request, "POST", "/api/stock/receipts", { productId: product.id, quantity: 1234.25, reference: `PO-NL-${u}` });
    await apiJson(admin.page.request, "POST", "/api/stock/manual", { productId: product.id, change: 0.25, note: `Telling ${u}` });
    nl.MANAGER = await dutchTab("MANAGER");
    nl.OPERATOR = await dutchTab("OPERATOR");
    nl.INVENTORY = await dutchTab("INVENTORY");
  });

  after(async () => {
    for (const tab of Object.values(nl)) await tab?.context.close();
    // The people made here leave again: a second active admin would, for one, let the users test
    // deactivate the demo admin it expects to be the last one.
    for (const id of Object.values(ids)) if (id) await apiJson(admin.page.request, "PATCH", `/api/users/${id}`, { active: false });
    await admin?.context.close();
    await browser?.close();
  });

  test("a demo user switches to Dutch in the profile menu: the page re-renders in Dutch at once, without signing out, and back", async () => {
    const { context, page, pageErrors } = await openTab(browser);
    const manager = demo("MANAGER");
    try {
      await signIn(page, manager.email, manager.password, manager.role);
      const h1 = page.getByTestId("dashboard-MANAGER").getByRole("heading", { level: 1 });
      await assertText(h1, manager.heading);
      assert.equal(await htmlLang(page), "en");
      await plantDashboardReady(page);
      await readmeShot(page, "manager-dashboard-en");

      const visited: string[] = [];
      page.on("framenavigated", (f) => {
        if (f === page.mainFrame()) visited.push(f.url());
      });
      const switcher = page.getByTestId("language-switcher");
      await switcher.selectOption({ value: "nl" });
      await expectDutch(h1, manager.heading);
      await expectLang(page, "nl");
      const nav = await visible(page.getByRole("navigation", { name: dutchRe("Main") }));
      const links = (await nav.getByRole("link").allInnerTexts()).map(squash);
      MANAGER_NAV.forEach((english, i) => assert.ok(dutch(english).includes(links[i] ?? ""), `nav link ${i} reads "${links[i]}", not the Dutch for "${english}" (${dutch(english).join(" / ")})`));
      await expectDutch(page.getByTestId("kpi-planned").locator("p").first(), "Planned");
      // Still signed in, on the same page: no trip to the sign-in page.
      assert.equal(page.url(), `${BASE_URL}/`);
      assert.ok(!visited.some((v) => v.includes("/signin")), `no sign-in page on the way: ${visited.join(", ")}`);
      assert.equal((await apiJson<{ user: { locale: string | null } }>(page.request, "GET", "/api/me")).user.locale, "nl");

      // Saved on the user: a fresh page from the server is Dutch from its first byte.
      const html = await (await page.request.get("/")).text();
      assert.match(html, /<html[^>]* lang="nl"/);
      await page.reload();
      await expectDutch(h1, manager.heading);
      assert.equal(await htmlLang(page), "nl");
      await plantDashboardReady(page);
      await readmeShot(page, "manager-dashboard-nl");

      await switcher.selectOption({ value: "en" });
      await assertText(h1, new RegExp(`^${manager.heading}$`));
      await expectLang(page, "en");
      assert.deepEqual(await navLinks(page), MANAGER_NAV);
      // "Browser language" again (the demo user's saved state before the test): English for this browser.
      await switcher.selectOption({ value: "" });
      await page.waitForFunction(() => !(document.querySelector('[data-testid="language-switcher"]') as HTMLSelectElement | null)?.disabled);
      assert.equal((await apiJson<{ user: { locale: string | null } }>(page.request, "GET", "/api/me")).user.locale, null);
      await assertText(h1, new RegExp(`^${manager.heading}$`));
      assert.deepEqual(pageErrors, []);
    } finally {
      // Leave the demo user as the other browser tests expect it, whatever happened above.
      await setLocale(page, null).catch(() => undefined);
      await context.close();
    }
  });

  test("README screenshots: the operator's tablet in English and in Dutch", async () => {
    const { context, page, pageErrors } = await openTab(browser);
    const operator = demo("OPERATOR");
    try {
      await signIn(page, operator.email, operator.password, operator.role);
      await page.goto("/operator");
      await assertText(page.getByRole("heading", { level: 1 }), /^My work$/);
      await visible(page.getByTestId("wo-card").first());
      await readmeShot(page, "operator-view-en");
      await setLocale(page, "nl");
      await page.reload();
      await expectDutch(page.getByRole("heading", { level: 1 }), "My work");
      await visible(page.getByTestId("wo-card").first());
      await readmeShot(page, "operator-view-nl");
      assert.deepEqual(pageErrors, []);
    } finally {
      await setLocale(page, null).catch(() => undefined);
      await context.close();
    }
  });

  test("the dashboards in Dutch: headings, KPI labels, and quantities written 1.234,5", async () => {
    const { page } = nl.MANAGER!;
    await page.goto("/");
    const section = await visible(page.getByTestId("dashboard-MANAGER"));
    await expectLang(page, "nl");
    await expectDutch(section.getByRole("heading", { level: 1 }), "Manager dashboard");
    await plantDashboardReady(page);
    for (const [testId, english] of Object.entries(PLANT_KPIS)) await expectDutch(page.getByTestId(testId).locator("p").first(), english);
    for (const english of PLANT_PANELS) await visible(section.getByRole("heading", { level: 2, name: dutchRe(english) }).first());
    await expectDutch(page.getByTestId("current-user").locator("p").nth(1), "Manager");

    // The inventory dashboard shows quantities: the product's 1,234.5 kg in Dutch, its reorder point,
    // the latest movements with their Dutch source and a Dutch date.
    const inv = nl.INVENTORY!.page;
    await inv.goto("/");
    await expectDutch(inv.getByTestId("dashboard-INVENTORY").getByRole("heading", { level: 1 }), "Inventory dashboard");
    const low = await visible(inv.getByTestId("low-stock").locator("li", { hasText: sku }));
    await assertText(low, "1.234,5 kg");
    await assertText(low, "2.000");
    const recent = await visible(inv.getByTestId("recent-ledger").locator("li", { hasText: sku }).first());
    await assertText(inv.getByTestId("recent-ledger"), "1.234,25 kg");
    await assertText(inv.getByTestId("recent-ledger"), SOURCE_NL.RECEIPT!);
    await assertText(recent, /\d{2}-\d{2}-\d{4},? \d{2}:\d{2}/);
    assert.deepEqual(nl.MANAGER!.pageErrors, []);
    assert.deepEqual(nl.INVENTORY!.pageErrors, []);
  });

  test("an order for 1,5 kg typed with a decimal comma is created for 1.5", async () => {
    const { page, pageErrors } = nl.MANAGER!;
    await page.goto("/mos/new");
    await expectDutch(page.getByRole("heading", { level: 1 }), "New manufacturing order");
    const form = page.locator("main form").first();
    await form.getByRole("searchbox").first().fill(sku);
    await form.getByRole("button", { name: new RegExp(`^${sku}\\b`) }).click();
    await visible(form.getByTestId("chosen-product"));

    const quantity = form.locator('input[name="quantity"]');
    const label = squash((await quantity.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? "")) || "");
    assert.ok(
      dutchOf("Quantity (kg)", "Quantity").some((d) => label.startsWith(d)),
      `the quantity field is labelled "${label}", not the Dutch for "Quantity (kg)"`,
    );
    await quantity.fill("1,5");
    const name = `Granulaat NL ${u}`;
    await form.locator('input[name="name"]').fill(name);
    const submit = form.locator('button[type="submit"]');
    await expectDutch(submit, "Create order");
    await submit.click();
    await page.waitForURL(/\/mos\/[0-9a-f-]{36}$/);

    const id = page.url().split("/").pop()!;
    const mo = await apiJson<{ name: string; quantity: number | string; product: { sku: string } }>(page.request, "GET", `/api/mos/${id}`);
    assert.equal(Number(mo.quantity), 1.5, `"1,5" in Dutch is 1.5 (the API stored ${mo.quantity})`);
    assert.equal(mo.name, name);
    assert.equal(mo.product.sku, sku);
    await assertText(page.getByTestId("fact-quantity"), "1,5 kg");
    assert.deepEqual(pageErrors, []);
  });

  test("the operator's tablet in Dutch (Start, Pauzeer, Hervat; the glossary's states) and the ledger in Dutch", async () => {
    const manager = nl.MANAGER!.page;
    const products = await apiJson<{ items: { id: string; sku: string }[] }>(manager.request, "GET", "/api/products?q=TABLE-100");
    const table = products.items.find((p) => p.sku === "TABLE-100");
    assert.ok(table, "the demo product TABLE-100 exists");
    const mo = await apiJson<{ id: string }>(manager.request, "POST", "/api/mos", { name: `Tafels NL ${u}`, productId: table.id, quantity: 1 });
    const wos = (await apiJson<{ items: Wo[] }>(manager.request, "GET", `/api/mos/${mo.id}/workorders`)).items.sort((a, b) => a.sequence - b.sequence);
    assert.ok(wos.length > 0, "the order has work orders from TABLE-100's operations");
    for (const w of wos) await apiJson(manager.request, "PATCH", `/api/workorders/${w.id}`, { assignedToId: ids.OPERATOR });
    const code = wos[0]!.code;

    const { page, pageErrors } = nl.OPERATOR!;
    await page.goto("/operator");
    await expectLang(page, "nl");
    await expectDutch(page.getByRole("heading", { level: 1 }), "My work");
    const card = (status: string) => page.locator(`[data-testid="wo-card"][data-code="${code}"][data-status="${status}"]`);
    const buttons = async (status: string) => (await visible(card(status).getByTestId("wo-actions"))).getByRole("button").allInnerTexts().then((t) => t.map(squash));

    // A button's accessible name is its word and the code ("Pauzeer WO-000123"): a screen reader speaks Dutch too.
    const tap = async (status: string, word: string) => {
      const button = card(status).getByTestId("wo-actions").getByRole("button").filter({ hasText: word });
      assert.equal(await (await visible(button)).getAttribute("aria-label"), `${word} ${code}`);
      await button.click();
    };

    let c = await visible(card("PENDING"));
    await assertText(c.getByTestId("wo-status"), new RegExp(`^${WO_STATUS_NL.PENDING}$`));
    const pending = await buttons("PENDING");
    assert.ok(pending.length === 1 && dutch("Start").includes(pending[0]!), `a work order to do offers "Start" in Dutch: ${pending.join(", ")}`);
    await tap("PENDING", pending[0]!);

    c = await visible(card("STARTED"));
    await assertText(c.getByTestId("wo-status"), new RegExp(`^${WO_STATUS_NL.STARTED}$`));
    const started = await buttons("STARTED");
    assert.ok(dutch("Pause").includes(started[0] ?? ""), `the pause button reads "${started[0]}" (Dutch: ${dutch("Pause").join(" / ")})`);
    assert.ok(dutch("Complete").includes(started[1] ?? ""), `the complete button reads "${started[1]}" (Dutch: ${dutch("Complete").join(" / ")})`);
    // The shop floor's short words (docs/glossary.md).
    assert.deepEqual(started, ["Pauzeer", "Afronden"]);
    await tap("STARTED", "Pauzeer");
    // The pause asks its reason in Dutch.
    await card("STARTED").getByTestId("pause-reasons").getByRole("button", { name: "Omstellen", exact: true }).click();

    c = await visible(card("PAUSED"));
    await assertText(c.getByTestId("wo-status"), new RegExp(`^${WO_STATUS_NL.PAUSED}$`));
    const paused = await buttons("PAUSED");
    assert.ok(dutch("Resume").includes(paused[0] ?? ""), `the resume button reads "${paused[0]}" (Dutch: ${dutch("Resume").join(" / ")})`);
    await readmeShot(page, "operator-tablet-nl-paused");
    assert.deepEqual(pageErrors, []);

    // The ledger of the product: the receipt and the correction, in Dutch words and Dutch numbers.
    const inv = nl.INVENTORY!;
    await inv.page.goto(`/stock/ledger?productId=${product.id}`);
    const table2 = await visible(inv.page.getByTestId("ledger-table"));
    const headers = (await table2.locator("thead th").allInnerTexts()).map(squash);
    for (const english of ["When", "Product", "Change", "Balance", "Source"]) {
      assert.ok(
        dutch(english).some((d) => headers.some((h) => h.localeCompare(d, "nl", { sensitivity: "base" }) === 0)),
        `the ledger's columns ${headers.join(" | ")} include the Dutch for "${english}" (${dutch(english).join(" / ")})`,
      );
    }
    const receipt = await visible(table2.locator(`[data-testid="ledger-row"][data-sku="${sku}"][data-source="RECEIPT"]`));
    await assertText(receipt, SOURCE_NL.RECEIPT!);
    await assertText(receipt, "+1.234,25");
    const manual = await visible(table2.locator(`[data-testid="ledger-row"][data-sku="${sku}"][data-source="MANUAL"]`));
    await assertText(manual, SOURCE_NL.MANUAL!);
    await assertText(manual, "+0,25");
    await assertText(manual, "1.234,5");
    assert.deepEqual(inv.pageErrors, []);
  });

  test("a CSV export downloaded by the Dutch user: Dutch headers, ';' between fields, ',' decimals", async () => {
    const { page, pageErrors } = nl.MANAGER!;
    const name = `Export NL ${u}`;
    await apiJson(page.request, "POST", "/api/mos", { name, productId: product.id, quantity: 2.25 });

    await page.goto("/reports");
    await expectLang(page, "nl");
    const download = page.waitForEvent("download");
    await page.getByTestId("report-mos").getByRole("button", { name: /CSV/ }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), new RegExp(`${message("nl", "exports.file.mos")}.*\\.csv$`));
    const text = readFileSync((await file.path())!, "utf8").replace(/^\uFEFF/, "");
    const header = text.split(/\r?\n/)[0]!;
    assert.ok(header.includes(";") && !header.includes(","), `the header line is separated by ';': ${header}`);

    const rows = parse(text, { delimiter: ";", columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const col = (key: string) => message("nl", `exports.mos.col.${key}`);
    const columns = Object.keys(rows[0] ?? {});
    const dutchHeaders = [...catalog("nl")].filter(([k]) => k.startsWith("exports.mos.col.")).map(([, v]) => v);
    for (const c of columns) assert.ok(dutchHeaders.includes(c), `column "${c}" is a Dutch header of the orders export (${dutchHeaders.join(", ")})`);
    for (const key of ["orderNo", "name", "state", "quantity"]) assert.ok(columns.includes(col(key)), `the export has the column "${col(key)}"`);
    const row = rows.find((r) => r[col("name")] === name);
    assert.ok(row, `the order "${name}" is in the export`);
    assert.equal(row[col("quantity")], "2,25");
    assert.equal(row[col("state")], message("nl", "exports.value.state.PLANNED"));
    assert.equal(row[col("state")], "Gepland");

    // Machines ask for plain RFC 4180 whatever the reader's language: ',' and '.' decimals.
    const from = new Date(Date.now() - 86400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    const res = await page.request.get(`/api/reports/export?report=mos&format=csv&dialect=rfc4180&from=${from}&to=${to}`);
    assert.equal(res.status(), 200, await res.text());
    const machine = parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const mRow = machine.find((r) => Object.values(r).includes(name));
    assert.ok(mRow, "the order is in the machine CSV");
    assert.ok(Object.values(mRow).includes("2.25"), `the machine CSV writes 2.25: ${JSON.stringify(mRow)}`);
    assert.deepEqual(pageErrors, []);
  });

  test("the sign-in page follows the browser: Dutch for nl-NL (and the app too, without a saved preference), English for en-US", async () => {
    const dutchBrowser = await openTab(browser, { locale: "nl-NL" });
    try {
      const { page } = dutchBrowser;
      const res = await page.goto("/signin");
      assert.match(await res!.text(), /<html[^>]* lang="nl"/);
      await expectLang(page, "nl");
      await expectDutch(page.getByRole("heading", { level: 1 }), "Sign in to MES");
      // A demo user without a saved language signs in with the Dutch form and gets the app in Dutch.
      const viewer = demo("VIEWER");
      await page.getByLabel(dutchRe("Email")).fill(viewer.email);
      await page.getByLabel(dutchRe("Password"), { exact: true }).fill(viewer.password);
      await page.getByRole("button", { name: dutchRe("Sign in") }).click();
      await page.waitForURL(`${BASE_URL}/`);
      await expectDutch((await visible(page.getByTestId("dashboard-VIEWER"))).getByRole("heading", { level: 1 }), viewer.heading);
      await expectLang(page, "nl");
      assert.deepEqual(dutchBrowser.pageErrors, []);
    } finally {
      await dutchBrowser.context.close();
    }
    const englishBrowser = await openTab(browser, { locale: "en-US" });
    try {
      const res = await englishBrowser.page.goto("/signin");
      assert.match(await res!.text(), /<html[^>]* lang="en"/);
      await assertText(englishBrowser.page.getByRole("heading", { level: 1 }), /^Sign in to MES$/);
    } finally {
      await englishBrowser.context.close();
    }
  });

  test("axe-core on the Dutch dashboard and tablet: no serious or critical violations, lang=\"nl\"", async () => {
    const found: string[] = [];
    for (const [tab, url] of [
      [nl.MANAGER!, "/"],
      [nl.OPERATOR!, "/operator"],
    ] as const) {
      await tab.page.goto(url);
      await visible(tab.page.locator("main h1").first());
      await settled(tab.page);
      assert.equal(await htmlLang(tab.page), "nl", `${url}: <html lang>`);
      found.push(...(await seriousViolations(tab.page)).map((v) => `${url}: ${v}`));
    }
    assert.deepEqual(found, []);
  });

  test("no English left on the main pages for a Dutch user", async (t) => {
    const mgr = nl.MANAGER!.page;
    const anyMo = (await apiJson<{ items: { id: string }[] }>(mgr.request, "GET", `/api/mos?q=${encodeURIComponent(`Tafels NL ${u}`)}`)).items[0];
    const anyWo = anyMo ? (await apiJson<{ items: Wo[] }>(mgr.request, "GET", `/api/mos/${anyMo.id}/workorders`)).items[0] : undefined;
    nl.ADMIN = await dutchTab("ADMIN");
    const plan: [Tab, string[]][] = [
      [nl.MANAGER!, ["/", "/mos", "/mos/new", ...(anyMo ? [`/mos/${anyMo.id}`] : []), "/workorders", ...(anyWo ? [`/workorders/${anyWo.id}`] : []), "/products", `/products/${product.id}`, "/workcenters", "/stock", "/stock/ledger", "/reports"]],
      [nl.OPERATOR!, ["/", "/operator"]],
      [nl.INVENTORY!, ["/", "/stock", "/stock/ledger"]],
      [nl.ADMIN, ["/", "/admin/users", "/admin/audit"]],
    ];
    // The words of the records themselves (the demo data is English, and stays so).
    const products = await apiJson<{ items: { name: string; description: string | null }[] }>(admin.page.request, "GET", "/api/products?pageSize=100&includeArchived=true");
    const centers = await apiJson<{ items: { name: string; description: string | null }[] }>(admin.page.request, "GET", "/api/workcenters?pageSize=100");
    const data = [...products.items, ...centers.items].flatMap((r) => [r.name, r.description ?? ""]).filter((d) => d.length > 2).sort((a, b) => b.length - a.length);
    // The scan is not blind: on the English admin dashboard it finds the English it looks for.
    const control = await englishOn(admin.page, "/");
    assert.ok(control.some((f) => f.includes('"Planned"')), `the scan finds "Planned" on the English dashboard: ${control.join("; ")}`);

    const findings: string[] = [];
    let pages = 0;
    for (const [tab, urls] of plan) {
      for (const url of urls) {
        findings.push(...(await englishOn(tab.page, url, "nl", data)));
        pages++;
      }
    }
    const found = [...new Set(findings)];
    // Say what is left, in the test's output, before failing on it.
    t.diagnostic(`${pages} Dutch pages scanned; ${found.length} findings${found.length ? `:\n${found.join("\n")}` : ""}`);
    assert.deepEqual(found, []);
  });
});
