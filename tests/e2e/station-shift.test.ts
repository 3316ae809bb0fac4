// A whole shift on one work center's station tablet (768×1024, touch), start to finish: operator A
// signs in by PIN and starts the work order, pauses it for setup; B takes over with a badge scan and
// resumes; the network drops for a minute, during which B pauses for material and resumes (both queued
// on the tablet with their local times); back online they replay, once each, booked at the tablet's
// times; A comes back by PIN and completes with 3 good and 1 scrapped. The manager's OEE for the work
// center (the report's API, the reports page and the dashboard) then matches a hand computation from
// the work order's rows. The README's
// station screenshots (English and Dutch) are taken here.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ARTIFACTS, BASE_URL, TABLET, apiJson, assertText, demo, launchBrowser, openTab, signIn, submitSignIn, unique, visible, type Tab } from "./helpers";

interface Detail {
  status: string;
  plannedMin: number | null;
  goodQty: number | null;
  scrapQty: number | null;
  timeLogs: { userId: string; startedAt: string; endedAt: string | null }[];
}

interface OeeItem {
  workCenterId: string | null;
  runMin: number;
  downtimeMin: number;
  plannedMin: number;
  availability: number | null;
  performance: number | null;
  quality: number | null;
  oee: number | null;
}

async function tapPin(page: Page, pin: string): Promise<void> {
  const pad = await visible(page.getByTestId("pin-pad"));
  for (const d of pin) await pad.getByRole("button", { name: `Digit ${d}`, exact: true }).tap();
  await pad.getByRole("button", { name: "Sign in", exact: true }).tap();
}

/** The README's screenshot (tests/e2e/artifacts/readme/, copied to docs/screenshots/ by hand). */
async function readmeShot(page: Page, name: string): Promise<void> {
  const dir = path.join(ARTIFACTS, "readme");
  mkdirSync(dir, { recursive: true });
  // Not "networkidle": the station keeps polling its queue. The fonts and the layout are what matter.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The queued taps on the page: kind, the ISO time kept, and the text shown. */
async function queued(page: Page): Promise<{ kind: string; at: string; text: string }[]> {
  return page.getByTestId("queued-action").evaluateAll((els) =>
    els.map((el) => ({ kind: el.getAttribute("data-kind") ?? "", at: el.querySelector("time")?.getAttribute("datetime") ?? "", text: (el as HTMLElement).innerText })),
  );
}

const ms = (iso: string | null) => {
  assert.ok(iso !== null, "the time log is closed");
  return Date.parse(iso);
};
const round4 = (v: number) => Math.round(v * 10_000) / 10_000;
const percent = (v: number) => new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 }).format(v);

describe("a whole shift on a station tablet", () => {
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
    const context = await browser.newContext({ baseURL: BASE_URL, viewport: TABLET, deviceScaleFactor: 1, hasTouch: true, locale: "en-US" });
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

  test("two operators, pauses with reasons, a minute without network, good and scrap; the OEE shown is the hand computation", async () => {
    const u = unique();
    // Short names: the README's screenshots show them.
    const short = u.slice(-4).toUpperCase();
    const password = "Shift-e2e-1";
    const a = await apiJson<{ id: string; name: string }>(admin.page.request, "POST", "/api/users", { name: `Ada Jansen ${short}`, email: `ada-${u}@example.com`, role: "OPERATOR", password });
    const b = await apiJson<{ id: string; name: string }>(admin.page.request, "POST", "/api/users", { name: `Bas de Vries ${short}`, email: `bas-${u}@example.com`, role: "OPERATOR", password });
    // Both set a PIN on their own session; B also gets a badge from the admin.
    for (const [email, pin] of [[`ada-${u}@example.com`, "2468"], [`bas-${u}@example.com`, "1357"]] as const) {
      const tab = await openTab(browser);
      await tab.page.goto("/signin");
      await submitSignIn(tab.page, email, password);
      await tab.page.waitForURL(`${BASE_URL}/`);
      await apiJson(tab.page.request, "PATCH", "/api/me/pin", { pin, currentPassword: password });
      await tab.context.close();
    }
    const badge = await apiJson<{ code: string }>(admin.page.request, "POST", `/api/users/${b.id}/badge`, {});

    // A work center of its own, with the first operation of a 4-unit order planned at 1 minute.
    const wc = await apiJson<{ id: string; name: string }>(manager.page.request, "POST", "/api/workcenters", { name: `Lathe ${short}`, costPerHour: 30, capacity: 1 });
    const products = await apiJson<{ items: { id: string; sku: string }[] }>(manager.page.request, "GET", "/api/products?q=TABLE-100");
    const mo = await apiJson<{ id: string; workOrders: { id: string; code: string; sequence: number }[] }>(manager.page.request, "POST", "/api/mos", { name: `Tables ${short}`, productId: products.items.find((p) => p.sku === "TABLE-100")!.id, quantity: 4, childOrders: "none" });
    moId = mo.id;
    const wo = [...mo.workOrders].sort((x, y) => x.sequence - y.sequence)[0]!;
    await apiJson(manager.page.request, "PATCH", `/api/workorders/${wo.id}`, { workCenterId: wc.id, plannedMin: 1 });

    // The manager opens the station on the tablet.
    const { page, context } = tablet;
    await page.goto("/signin?callbackUrl=%2Fstation%2Fsetup");
    await submitSignIn(page, demo("MANAGER").email, demo("MANAGER").password);
    await page.waitForURL(`${BASE_URL}/station/setup`);
    const form = await visible(page.getByRole("form", { name: "New station" }));
    await form.getByLabel("Name").fill(`Lathe station ${short}`);
    await form.getByLabel(wc.name).check();
    await form.getByRole("button", { name: "Create station" }).tap();
    const row = await visible(page.locator(`[data-testid="station-row"][data-name="Lathe station ${short}"]`));
    await row.getByRole("button", { name: "Open on this tablet" }).tap();
    await page.getByRole("dialog").getByRole("button", { name: "Open station" }).tap();
    await page.waitForURL(`${BASE_URL}/station`);
    await visible(page.locator(`[data-testid="queue-row"][data-code="${wo.code}"]`));
    const card = (status?: string) => page.locator(`[data-testid="wo-card"][data-code="${wo.code}"]${status ? `[data-status="${status}"]` : ""}`);
    const pauseWith = async (reason: string) => {
      await card().getByRole("button", { name: `Pause ${wo.code}` }).tap();
      await card().getByTestId("pause-reasons").locator(`[data-reason="${reason}"]`).tap();
    };

    // 1. A: name, PIN, start; a few seconds later a pause for setup.
    await page.getByTestId("station-who").getByRole("button", { name: a.name }).tap();
    await tapPin(page, "2468");
    await assertText(page.getByTestId("station-operator"), `Working: ${a.name}`);
    await card().getByRole("button", { name: `Start ${wo.code}` }).tap();
    await visible(card("STARTED"));
    await card().getByText("Loading time…").waitFor({ state: "detached" });
    await readmeShot(page, "station-en");
    // The same screen in Dutch: a station has no person's preference, so it follows the browser's language.
    await context.setExtraHTTPHeaders({ "Accept-Language": "nl-NL,nl;q=0.9" });
    await page.reload();
    await assertText(page.getByTestId("station-operator"), `Aan het werk: ${a.name}`);
    await visible(card("STARTED"));
    await card().getByText("Tijd laden…").waitFor({ state: "detached" });
    await readmeShot(page, "station-nl");
    await context.setExtraHTTPHeaders({ "Accept-Language": "en-US,en;q=0.9" });
    await page.reload();
    await assertText(page.getByTestId("station-operator"), `Working: ${a.name}`);
    await pauseWith("SETUP");
    await visible(card("PAUSED"));

    // 2. B takes over with a badge scan (a keyboard-wedge scanner types it into the scan box) and resumes.
    await page.getByTestId("switch-operator").tap();
    await visible(page.getByTestId("station-who"));
    await page.getByTestId("station-scan").locator("input").focus();
    await page.keyboard.type(badge.code);
    await page.keyboard.press("Enter");
    await assertText(page.getByTestId("station-operator"), `Working: ${b.name}`);
    await card().getByRole("button", { name: `Resume ${wo.code}` }).tap();
    await visible(card("STARTED"));

    // 3. The network drops for a minute: B pauses for material and resumes; both wait on the tablet.
    await context.setOffline(true);
    const offlineFrom = Date.now();
    await page.waitForTimeout(5_000);
    await pauseWith("MATERIAL");
    await assertText(page.getByTestId("offline-queue"), "Waiting for the network (1)");
    await page.waitForTimeout(10_000);
    // The buttons follow the queued pause: Resume is offered.
    await card().getByRole("button", { name: `Resume ${wo.code}` }).tap();
    await assertText(page.getByTestId("offline-queue"), "Waiting for the network (2)");
    const taps = await queued(page);
    assert.deepEqual(
      taps.map((q) => q.kind),
      ["pause", "resume"],
    );
    for (const q of taps) {
      const local = await page.evaluate((iso) => new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(new Date(iso)), q.at);
      assert.ok(q.text.includes(local), `"${q.text}" shows the local time ${local}`);
    }
    // B cannot hand over while their taps wait: they can be sent only under B's session.
    await page.getByTestId("switch-operator").tap();
    await assertText(page.getByRole("status").filter({ hasText: "waiting for the network" }), `${b.name} has 2 actions waiting for the network. They can only be sent while ${b.name} is signed in: switch when they are sent.`);
    await assertText(page.getByTestId("station-operator"), `Working: ${b.name}`);
    // Nothing reached the server: B's log is still open.
    let detail = await apiJson<Detail>(manager.page.request, "GET", `/api/workorders/${wo.id}`);
    assert.equal(detail.status, "STARTED");
    assert.equal(detail.timeLogs.length, 2);
    await page.waitForTimeout(Math.max(0, 60_000 - (Date.now() - offlineFrom)));
    await context.setOffline(false);
    await page.getByTestId("offline-queue").waitFor({ state: "detached", timeout: 45_000 });
    detail = await apiJson<Detail>(manager.page.request, "GET", `/api/workorders/${wo.id}`);
    assert.equal(detail.status, "STARTED");
    assert.equal(detail.timeLogs.length, 3, "one more log: one pause, one resume");
    const near = (booked: string | null, tapped: string, what: string) => assert.ok(booked !== null && Math.abs(Date.parse(booked) - Date.parse(tapped)) <= 1000, `${what}: booked ${booked}, tapped ${tapped}`);
    near(detail.timeLogs[1]!.endedAt, taps[0]!.at, "the offline pause");
    near(detail.timeLogs[2]!.startedAt, taps[1]!.at, "the offline resume");

    // 4. A comes back by PIN and completes: one tap more on scrap (good follows: 3), reason quality.
    await page.getByTestId("switch-operator").tap();
    await page.getByTestId("station-who").getByRole("button", { name: a.name }).tap();
    await tapPin(page, "2468");
    await assertText(page.getByTestId("station-operator"), `Working: ${a.name}`);
    await card().getByRole("button", { name: `Complete ${wo.code}` }).tap();
    const confirm = await visible(card().getByTestId("confirm-complete"));
    await confirm.getByRole("button", { name: "One more: Scrap" }).tap();
    await confirm.getByTestId("scrap-reasons").getByRole("button", { name: "Quality" }).tap();
    await confirm.getByRole("button", { name: "Yes, complete" }).tap();
    await card().waitFor({ state: "detached" });

    // Exactly one effect each, attributed to whoever tapped it.
    detail = await apiJson<Detail>(manager.page.request, "GET", `/api/workorders/${wo.id}`);
    assert.equal(detail.status, "COMPLETED");
    assert.equal(detail.goodQty, 3);
    assert.equal(detail.scrapQty, 1);
    assert.deepEqual(detail.timeLogs.map((l) => l.userId), [a.id, b.id, b.id]);
    const audit = await apiJson<{ items: { action: string; actor: { id: string } | null; payload?: { reason?: string } }[] }>(admin.page.request, "GET", `/api/audit?entityId=${wo.id}&pageSize=50`);
    const who = (id: string | undefined) => (id === a.id ? "A" : id === b.id ? "B" : "?");
    const steps = audit.items
      .filter((x) => /^wo\.(start|pause|complete)$/.test(x.action))
      .map((x) => `${x.action}:${who(x.actor?.id)}`)
      .sort();
    assert.deepEqual(steps, ["wo.complete:A", "wo.pause:A", "wo.pause:B", "wo.start:A", "wo.start:B", "wo.start:B"].sort());

    // The hand computation from the rows: run = the logs; downtime = the gaps between them (each
    // pause starts at a log's end and ends at the next log's start); planned 1 min; 3 good, 1 scrap.
    const logs = detail.timeLogs.map((l) => ({ from: ms(l.startedAt), to: ms(l.endedAt) }));
    const runMin = round4(logs.reduce((s, l) => s + (l.to - l.from), 0) / 60_000);
    const setupMin = round4((logs[1]!.from - logs[0]!.to) / 60_000);
    const materialMin = round4((logs[2]!.from - logs[1]!.to) / 60_000);
    const downtimeMin = round4(setupMin + materialMin);
    assert.ok(materialMin > 0.15, `the offline pause lasted ${materialMin} min (about 10 s)`);
    const availability = runMin / (runMin + downtimeMin);
    const performance = Math.min(1, 1 / runMin);
    const quality = 3 / 4;
    const expected = { availability: round4(availability), performance: round4(performance), quality: round4(quality), oee: round4(availability * performance * quality) };

    // The report's figures (the API the reports page reads) …
    const today = new Date();
    const from = new Date(today.getTime() - 86_400_000).toISOString().slice(0, 10);
    const to = new Date(today.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const report = await apiJson<{ items: OeeItem[]; downtime: { workCenterId: string | null; code: string; minutes: number; pauses: number }[] }>(manager.page.request, "GET", `/api/reports/oee?${new URLSearchParams({ from, to, tz: "UTC", workCenterId: wc.id })}`);
    const item = report.items.find((i) => i.workCenterId === wc.id);
    assert.ok(item, "the work center has an OEE row");
    assert.ok(Math.abs(item.runMin - runMin) <= 0.0002, `run ${item.runMin} min, by hand ${runMin}`);
    assert.ok(Math.abs(item.downtimeMin - downtimeMin) <= 0.0002, `downtime ${item.downtimeMin} min, by hand ${downtimeMin}`);
    assert.equal(item.plannedMin, 1);
    for (const k of ["availability", "performance", "quality", "oee"] as const) assert.ok(Math.abs((item[k] ?? -1) - expected[k]) <= 0.0002, `${k}: ${item[k]}, by hand ${expected[k]}`);
    const byReason = Object.fromEntries(report.downtime.filter((d) => d.workCenterId === wc.id).map((d) => [d.code, d]));
    assert.deepEqual(Object.keys(byReason).sort(), ["MATERIAL", "SETUP"]);
    assert.ok(Math.abs(byReason.SETUP!.minutes - setupMin) <= 0.0002 && byReason.SETUP!.pauses === 1, `setup ${byReason.SETUP!.minutes} min, by hand ${setupMin}`);
    assert.ok(Math.abs(byReason.MATERIAL!.minutes - materialMin) <= 0.0002 && byReason.MATERIAL!.pauses === 1, `material ${byReason.MATERIAL!.minutes} min, by hand ${materialMin}`);

    // … and what the manager reads on the reports page (the last 30 days).
    await manager.page.goto("/reports");
    const oeeRow = await visible(manager.page.locator(`[data-testid="oee-row"][data-center="${wc.name}"]`));
    const cells = (await oeeRow.locator("td").allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(cells.slice(2), [percent(expected.availability), percent(expected.performance), percent(expected.quality), percent(expected.oee)]);
    // … and on the manager's dashboard (the load on each work center, last 7 days).
    await manager.page.goto("/");
    const loadRow = await visible(manager.page.locator(`[data-testid="work-center-oee-row"][data-center="${wc.name}"]`));
    await assertText(loadRow.getByTestId("work-center-oee-value"), percent(expected.oee));
    await assertText(loadRow.locator("td").nth(2), `${percent(expected.availability)} · ${percent(expected.performance)} · ${percent(expected.quality)}`);
    assert.deepEqual(tablet.pageErrors, []);
  });
});
