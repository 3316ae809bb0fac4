// A station tablet's camera reads an operator's badge as printed (its QR code above its Code128 bars,
// from a fake video stream: a .y4m made here, played by Chromium as its webcam) and signs that person
// in; the camera stays open for the next person. zxing-js misses about 1 in 20 badge QR codes
// (docs/scanning.md), so the badge's bars are on the frame as on the printed badge and either reading
// counts: the test holds for any random badge.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { fakeCameraArgs, writeQrVideo } from "./fake-camera";
import { BASE_URL, TABLET, apiJson, assertText, demo, launchBrowser, openTab, signIn, submitSignIn, unique, visible, type Tab } from "./helpers";

describe("a station's camera reads a badge", () => {
  let plain: Browser;
  let camera: Browser;
  let admin: Tab;
  let tablet: { context: BrowserContext; page: Page; pageErrors: Error[] };
  let video: string;
  let operator: { id: string; name: string };

  before(async () => {
    plain = await launchBrowser();
    admin = await openTab(plain);
    await signIn(admin.page, demo("ADMIN").email, demo("ADMIN").password, "ADMIN");
    const u = unique();
    operator = await apiJson(admin.page.request, "POST", "/api/users", { name: `Cam Operator ${u.slice(-4).toUpperCase()}`, email: `cam-${u}@example.com`, role: "OPERATOR", password: "Camera-e2e-1" });
    const badge = await apiJson<{ code: string }>(admin.page.request, "POST", `/api/users/${operator.id}/badge`, {});
    assert.match(badge.code, /^MESB-[0-9A-Z]{26}$/);

    // The camera sees the badge, then an empty desk, in a loop.
    video = writeQrVideo([
      { text: badge.code, seconds: 2, badge: true },
      { text: null, seconds: 0.5 },
    ]);
    camera = await launchBrowser({ extraArgs: fakeCameraArgs(video) });
    const context = await camera.newContext({ baseURL: BASE_URL, viewport: TABLET, deviceScaleFactor: 1, hasTouch: true, locale: "en-US" });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: Error[] = [];
    page.on("pageerror", (err) => pageErrors.push(err));
    tablet = { context, page, pageErrors };

    // A manager opens a station on the tablet (the station cookie replaces the manager's session).
    await page.goto("/signin");
    await submitSignIn(page, demo("MANAGER").email, demo("MANAGER").password);
    await page.waitForURL(`${BASE_URL}/`);
    const centers = await apiJson<{ items: { id: string }[] }>(page.request, "GET", "/api/workcenters");
    assert.ok(centers.items.length > 0, "the demo has work centers");
    const station = await apiJson<{ id: string }>(page.request, "POST", "/api/stations", { name: `Camera station ${u}`, workCenterIds: [centers.items[0]!.id] });
    await apiJson(page.request, "POST", `/api/stations/${station.id}/open`, {});
  });

  after(async () => {
    await tablet?.context.close();
    await admin?.context.close();
    await camera?.close();
    await plain?.close();
    if (video) rmSync(path.dirname(video), { recursive: true, force: true });
  });

  test("the camera reads the printed badge and signs its owner in; it stays open", async () => {
    const { page, pageErrors } = tablet;
    await page.goto("/station");
    await visible(page.getByTestId("station-who"));
    await page.getByTestId("station-camera").tap();
    const scanner = await visible(page.getByTestId("camera-scanner"));
    await page.locator('[data-testid="camera-scanner"][data-state="scanning"]').waitFor({ timeout: 20_000 });
    await assertText(page.getByTestId("station-operator"), `Working: ${operator.name}`, 30_000);
    // Whoever comes next scans their badge too: the camera did not close.
    assert.equal(await scanner.getAttribute("data-state"), "scanning", "the camera stayed open");
    assert.equal(new URL(page.url()).pathname, "/station");

    // The sign-in is the operator's, attributed on the server.
    const state = await apiJson<{ operator: { id: string } | null }>(page.request, "GET", "/api/station");
    assert.equal(state.operator?.id, operator.id);
    assert.deepEqual(pageErrors, []);
  });
});
