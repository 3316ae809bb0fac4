// A shared station tablet (768×1024, touch): a manager sets it up for a work center and opens it;
// operator A signs in by PIN (set on their profile page) and starts a work order; one tap switches to
// operator B, who pauses with a reason, resumes and completes it; the time logs name A then B; a badge
// typed into the scan box (a keyboard-wedge scanner) signs its owner in; other pages lead back to /station.
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { BASE_URL, TABLET, apiJson, assertText, demo, launchBrowser, openTab, screenshot, signIn, submitSignIn, unique, visible, type Tab } from "./helpers";

/** Serious and critical WCAG 2.1 A/AA violations on the page (as tests/e2e/a11y.test.ts counts them). */
async function axe(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  assert.deepEqual(serious, [], `axe on ${where}`);
}

async function tapPin(page: Page, pin: string): Promise<void> {
  const pad = await visible(page.getByTestId("pin-pad"));
  for (const d of pin) await pad.getByRole("button", { name: `Digit ${d}`, exact: true }).tap();
  await pad.getByRole("button", { name: "Sign in", exact: true }).tap();
}

describe("a station tablet shared by two operators", () => {
  let browser: Browser;
  let admin: Tab;
  let manager: Tab;
  let tablet: { context: BrowserContext; page: Page; pageErrors: Error[] };
  let moId: string | undefined;

  before(async () => {
    browser = await launchBrowser();
    admin = await openTab(browser);
    manager = await openTab(browser);
    await signIn(admin.page, demo("ADMIN").email, demo("ADMIN").password, "ADMIN");
    await signIn(manager.page, demo("MANAGER").email, demo("MANAGER").password, "MANAGER");
    const context = await browser.newContext({ baseURL: BASE_URL, viewport: TABLET, deviceScaleFactor: 1, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: Error[] = [];
    page.on("pageerror", (err) => pageErrors.push(err));
    tablet = { context, page, pageErrors };
  });

  after(async () => {
    if (moId) await manager?.page.request.fetch(`/api/mos/${moId}/cancel`, { method: "POST", data: {}, headers: { Origin: BASE_URL } }).catch(() => undefined);
    await tablet?.context.close();
    await admin?.context.close();
    await manager?.context.close();
    await browser?.close();
  });

  test("set up, PIN sign-in, a switch of operator in one tap, pause / complete as the second, badge scan", async () => {
    const u = unique();
    const password = "Station-e2e-1";
    const a = await apiJson<{ id: string; name: string }>(admin.page.request, "POST", "/api/users", { name: `Anna ${u}`, email: `anna-${u}@example.com`, role: "OPERATOR", password });
    const b = await apiJson<{ id: string; name: string }>(admin.page.request, "POST", "/api/users", { name: `Bram ${u}`, email: `bram-${u}@example.com`, role: "OPERATOR", password });

    // A sets a PIN on the profile page.
    const anna = await openTab(browser);
    await anna.page.goto("/signin");
    await submitSignIn(anna.page, `anna-${u}@example.com`, password);
    await anna.page.waitForURL(`${BASE_URL}/`);
    await anna.page.goto("/profile");
    const settings = await visible(anna.page.getByTestId("pin-settings"));
    await assertText(settings.getByTestId("pin-status"), "You have no PIN yet.");
    await settings.getByLabel("New PIN").fill("2468");
    await settings.getByLabel("Your password").fill(password);
    await settings.getByRole("button", { name: "Save PIN" }).click();
    await assertText(settings.getByTestId("pin-status"), "You have a PIN.");
    await axe(anna.page, "/profile");
    await anna.context.close();
    // B sets theirs through the API (the same route), and gets a badge from the admin.
    const bram = await openTab(browser);
    await bram.page.goto("/signin");
    await submitSignIn(bram.page, `bram-${u}@example.com`, password);
    await bram.page.waitForURL(`${BASE_URL}/`);
    await apiJson(bram.page.request, "PATCH", "/api/me/pin", { pin: "1357", currentPassword: password });
    await bram.context.close();
    // The admin issues B a badge on the badges page: shown once, printable as QR and Code128.
    await admin.page.goto("/admin/badges");
    const person = await visible(admin.page.locator(`[data-testid="badge-person"][data-email="bram-${u}@example.com"]`));
    await person.getByRole("button", { name: "Issue badge" }).click();
    await admin.page.getByRole("dialog").getByRole("button", { name: "Issue badge" }).click();
    const printable = await visible(admin.page.getByTestId("printable-badge"));
    await visible(printable.getByTestId("wo-qr"));
    await visible(printable.getByTestId("wo-barcode"));
    const badge = { code: (await printable.getByTestId("badge-code").innerText()).trim() };
    assert.match(badge.code, /^MESB-[0-9A-Z]{26}$/);
    await axe(admin.page, "/admin/badges with a badge");

    // A work center of its own with one work order in its queue.
    const wc = await apiJson<{ id: string; name: string }>(manager.page.request, "POST", "/api/workcenters", { name: `Press ${u}`, costPerHour: 30, capacity: 1 });
    const products = await apiJson<{ items: { id: string; sku: string }[] }>(manager.page.request, "GET", "/api/products?q=TABLE-100");
    const mo = await apiJson<{ id: string; workOrders: { id: string; code: string; sequence: number }[] }>(manager.page.request, "POST", "/api/mos", { name: `E2E station ${u}`, productId: products.items.find((p) => p.sku === "TABLE-100")!.id, quantity: 1, childOrders: "none" });
    moId = mo.id;
    const wo = [...mo.workOrders].sort((x, y) => x.sequence - y.sequence)[0]!;
    await apiJson(manager.page.request, "PATCH", `/api/workorders/${wo.id}`, { workCenterId: wc.id });

    // The manager sets the station up on the tablet and opens it there.
    const { page } = tablet;
    await page.goto("/signin?callbackUrl=%2Fstation%2Fsetup");
    await submitSignIn(page, demo("MANAGER").email, demo("MANAGER").password);
    await page.waitForURL(`${BASE_URL}/station/setup`);
    const form = await visible(page.getByRole("form", { name: "New station" }));
    await axe(page, "/station/setup");
    await form.getByLabel("Name").fill(`Press station ${u}`);
    await form.getByLabel(wc.name).check();
    await form.getByRole("button", { name: "Create station" }).tap();
    const row = await visible(page.locator(`[data-testid="station-row"][data-name="Press station ${u}"]`));
    await row.getByRole("button", { name: "Open on this tablet" }).tap();
    await page.getByRole("dialog").getByRole("button", { name: "Open station" }).tap();
    await page.waitForURL(`${BASE_URL}/station`);
    await assertText(page.getByTestId("station-name"), `Press station ${u}`);
    const card = () => page.locator(`[data-testid="wo-card"][data-code="${wo.code}"]`);
    await visible(page.locator(`[data-testid="queue-row"][data-code="${wo.code}"]`));
    await axe(page, "/station, nobody signed in");

    // A: tap the name, type the PIN on the pad, start the work order.
    await page.getByTestId("station-who").getByRole("button", { name: a.name }).tap();
    await visible(page.getByTestId("pin-pad"));
    await axe(page, "/station, PIN pad");
    await tapPin(page, "9999");
    await assertText(page.getByTestId("pin-error"), "That PIN is not right.");
    await tapPin(page, "2468");
    await assertText(page.getByTestId("station-operator"), `Working: ${a.name}`);
    await screenshot(page, "station-operator-a");
    await axe(page, "/station, an operator signed in");
    await card().getByRole("button", { name: `Start ${wo.code}` }).tap();
    await visible(page.locator(`[data-testid="wo-card"][data-code="${wo.code}"][data-status="STARTED"]`));

    // One tap to switch; B signs in with their PIN, pauses with a reason, resumes and completes.
    await page.getByTestId("switch-operator").tap();
    await page.getByTestId("station-who").getByRole("button", { name: b.name }).tap();
    await tapPin(page, "1357");
    await assertText(page.getByTestId("station-operator"), `Working: ${b.name}`);
    await card().getByRole("button", { name: `Pause ${wo.code}` }).tap();
    await card().getByTestId("pause-reasons").getByRole("button", { name: "Break", exact: true }).tap();
    await visible(page.locator(`[data-testid="wo-card"][data-code="${wo.code}"][data-status="PAUSED"]`));
    await card().getByRole("button", { name: `Resume ${wo.code}` }).tap();
    await visible(page.locator(`[data-testid="wo-card"][data-code="${wo.code}"][data-status="STARTED"]`));
    await card().getByRole("button", { name: `Complete ${wo.code}` }).tap();
    await card().getByTestId("confirm-complete").getByRole("button", { name: "Yes, complete" }).tap();
    // Completed work leaves the queue.
    await page.locator(`[data-testid="wo-card"][data-code="${wo.code}"]`).waitFor({ state: "detached" });

    const detail = await apiJson<{ status: string; timeLogs: { userId: string }[] }>(manager.page.request, "GET", `/api/workorders/${wo.id}`);
    assert.equal(detail.status, "COMPLETED");
    // A's log ran from the start to B's pause; B's from the resume to the completion.
    assert.deepEqual(detail.timeLogs.map((l) => l.userId), [a.id, b.id]);
    const audit = await apiJson<{ items: { action: string; actor: { id: string } | null }[] }>(admin.page.request, "GET", `/api/audit?entityId=${wo.id}&pageSize=50`);
    const byAction = audit.items.filter((x) => x.action.startsWith("wo.")).map((x) => `${x.action}:${x.actor?.id === a.id ? "A" : x.actor?.id === b.id ? "B" : "?"}`);
    for (const step of ["wo.start:A", "wo.pause:B", "wo.complete:B"]) assert.ok(byAction.includes(step), `${step} in ${byAction.join(", ")}`);

    // A badge typed by a keyboard-wedge scanner into the scan box signs its owner in.
    await page.getByTestId("switch-operator").tap();
    await visible(page.getByTestId("station-who"));
    const box = page.getByTestId("station-scan").getByRole("searchbox").or(page.getByTestId("station-scan").locator("input"));
    await box.first().focus();
    await page.keyboard.type(badge.code.toLowerCase());
    await page.keyboard.press("Enter");
    await assertText(page.getByTestId("station-operator"), `Working: ${b.name}`);

    // The station opens nothing else: another page leads back to the station screen.
    await page.goto("/mos");
    await page.waitForURL(`${BASE_URL}/station`);
    await visible(page.getByTestId("station-screen"));
    // Every touch target of the station is at least 48 px tall.
    for (const h of await page.getByTestId("station-screen").locator("button").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) assert.ok(h >= 48, `a button is ${h}px tall`);
    assert.deepEqual(tablet.pageErrors, []);
  });
});
