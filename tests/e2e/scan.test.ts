// Scanning on the operator's tablet (768×1024): the page an operator lands on after signing in has
// the scan box and the start buttons of their work right there; the camera scans the QR codes of two
// sheets from a fake video stream (a .y4m made here, played by Chromium as its webcam) and stays open
// between them, each code handled once; a refused permission and no camera are said plainly (English
// and Dutch).
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { fakeCameraArgs, writeQrVideo } from "./fake-camera";
import { BASE_URL, apiJson, assertText, demo, launchBrowser, openTab, screenshot, signIn, unique, visible, type Tab } from "./helpers";

interface Wo {
  id: string;
  code: string;
  sequence: number;
}


const card = (page: Page, code: string, status?: string) => page.locator(`[data-testid="wo-card"][data-code="${code}"]${status ? `[data-status="${status}"]` : ""}`);

describe("scanning on the operator's landing page", () => {
  let plain: Browser;
  let camera: Browser;
  let manager: Tab;
  let operator: Tab;
  let video: string;
  let moId: string | undefined;
  /** The two work orders of a fresh order, assigned to the operator: their sheets are on the video. */
  let first: Wo;
  let second: Wo;

  before(async () => {
    plain = await launchBrowser();
    manager = await openTab(plain);
    await signIn(manager.page, demo("MANAGER").email, demo("MANAGER").password, "MANAGER");
    const operatorId = (await apiJson<{ items: { id: string; name: string }[] }>(manager.page.request, "GET", "/api/users/assignable")).items.find((u) => u.name === demo("OPERATOR").name)?.id;
    assert.ok(operatorId, "the demo operator can be assigned work");
    const products = await apiJson<{ items: { id: string; sku: string }[] }>(manager.page.request, "GET", "/api/products?q=TABLE-100");
    const mo = await apiJson<{ id: string; workOrders: Wo[] }>(manager.page.request, "POST", "/api/mos", { name: `E2E scan ${unique()}`, productId: products.items.find((p) => p.sku === "TABLE-100")!.id, quantity: 1 });
    moId = mo.id;
    [first, second] = [...mo.workOrders].sort((a, b) => a.sequence - b.sequence) as [Wo, Wo];
    assert.ok(first && second, "an order of TABLE-100 has two work orders");
    for (const w of [first, second]) await apiJson(manager.page.request, "PATCH", `/api/workorders/${w.id}`, { assignedToId: operatorId });

    // The camera sees the first sheet, a blank moment, the second sheet, a blank moment, in a loop.
    video = writeQrVideo([
      { text: first.code, seconds: 2 },
      { text: null, seconds: 0.5 },
      { text: second.code, seconds: 2 },
      { text: null, seconds: 0.5 },
    ]);
    camera = await launchBrowser({ extraArgs: fakeCameraArgs(video) });
    operator = await openTab(camera);
    await signIn(operator.page, demo("OPERATOR").email, demo("OPERATOR").password, "OPERATOR");
  });

  after(async () => {
    if (moId) await manager?.page.request.fetch(`/api/mos/${moId}/cancel`, { method: "POST", data: {}, headers: { Origin: BASE_URL } }).catch(() => undefined);
    await operator?.context.close();
    await manager?.context.close();
    await camera?.close();
    await plain?.close();
    if (video) rmSync(path.dirname(video), { recursive: true, force: true });
  });

  test("the landing page shows the scan box and the Start button of an assigned WO without another tap; Start works", async () => {
    const { page, pageErrors } = operator;
    // One running WO per operator: pause whatever an earlier suite left running.
    const running = await apiJson<{ items: { id: string }[] }>(page.request, "GET", "/api/workorders?mine=1&status=STARTED");
    for (const w of running.items) await apiJson(page.request, "POST", `/api/workorders/${w.id}/pause`, { reason: "OTHER" });

    await page.goto("/");
    const home = await visible(page.getByTestId("dashboard-OPERATOR"));
    await visible(home.getByRole("textbox", { name: "Scan a work order sheet" }));
    await visible(home.getByRole("button", { name: "Camera" }));
    assert.equal(await page.getByRole("link", { name: "Open my work" }).count(), 0, "no extra tap to reach the work");
    const start = await visible(card(page, first.code, "PENDING").getByRole("button", { name: `Start ${first.code}` }));
    const box = await start.boundingBox();
    assert.ok(box && box.height >= 48, "the Start button is a touch target");
    await screenshot(page, "operator-landing-768x1024");

    await start.click();
    await visible(card(page, first.code, "STARTED"));
    await visible(page.getByTestId("group-started").locator(`[data-code="${first.code}"]`));
    const wo = await apiJson<{ status: string }>(page.request, "GET", `/api/workorders/${first.id}`);
    assert.equal(wo.status, "STARTED");
    assert.deepEqual(pageErrors, []);
  });

  test("the camera reads a sheet's QR code: that WO comes to the top; the camera stays open and reads the next sheet, each once", async () => {
    const { page, pageErrors } = operator;
    await page.goto("/");
    await visible(page.getByTestId("scan-box"));
    await page.getByRole("button", { name: "Camera" }).click();
    const scanner = await visible(page.getByTestId("camera-scanner"));
    await page.locator('[data-testid="camera-scanner"][data-state="scanning"]').waitFor({ timeout: 20_000 });

    const last = page.getByTestId("camera-last-scan");
    await page.locator(`[data-testid="camera-last-scan"][data-code="${first.code}"]`).waitFor({ timeout: 30_000 });
    const firstCount = Number(await last.getAttribute("data-count"));
    await assertText(last, `Scanned ${first.code}`);
    // The scanned WO is selected at the top, with its actions right there.
    const selected = page.getByTestId("group-scanned");
    await visible(selected.locator(`[data-testid="wo-card"][data-code="${first.code}"]`));
    await visible(selected.getByRole("button", { name: `Pause ${first.code}` }));

    // The video moves on to the second sheet: the camera is still open and reads it.
    await page.locator(`[data-testid="camera-last-scan"][data-code="${second.code}"]`).waitFor({ timeout: 30_000 });
    assert.equal(Number(await last.getAttribute("data-count")), firstCount + 1, "the first sheet, in view for 20 frames, was handled once");
    await visible(selected.locator(`[data-testid="wo-card"][data-code="${second.code}"]`));
    await visible(selected.getByRole("button", { name: `Start ${second.code}` }));
    assert.equal(await selected.getByTestId("wo-card").count(), 1, "one WO is selected at a time");
    assert.equal(await scanner.getAttribute("data-state"), "scanning", "the camera stayed open");
    assert.equal(new URL(page.url()).pathname, "/", "the page did not change");
    await screenshot(page, "operator-camera-scan");

    await scanner.getByRole("button", { name: "Close camera" }).click();
    await scanner.waitFor({ state: "detached" });
    assert.deepEqual(pageErrors, []);
  });

  test("a refused camera permission is said plainly, with a way to try again", async () => {
    // A camera, but no permission: headless Chromium refuses the prompt.
    const refusing = await launchBrowser({ extraArgs: ["--use-fake-device-for-media-stream"] });
    try {
      const tab = await openTab(refusing);
      await signIn(tab.page, demo("OPERATOR").email, demo("OPERATOR").password, "OPERATOR");
      await tab.page.getByRole("button", { name: "Camera" }).click();
      const problem = await visible(tab.page.getByTestId("camera-problem"));
      await assertText(problem, "The camera may not be used. Allow the camera for this site in the browser's settings, then tap Try again.");
      await visible(tab.page.getByRole("button", { name: "Try again" }));
      // The keyboard-wedge box keeps working beside it.
      await visible(tab.page.getByRole("textbox", { name: "Scan a work order sheet" }));
      assert.deepEqual(tab.pageErrors, []);
    } finally {
      await refusing.close();
    }
  });

  test("a device without a camera says so plainly, in English and in Dutch", async () => {
    // The plain browser has no camera at all.
    const tab = await openTab(plain);
    try {
      await signIn(tab.page, demo("OPERATOR").email, demo("OPERATOR").password, "OPERATOR");
      await tab.page.getByRole("button", { name: "Camera" }).click();
      await assertText(await visible(tab.page.getByTestId("camera-problem")), "No camera was found on this device.");
      await visible(tab.page.getByRole("button", { name: "Try again" }));

      await apiJson(tab.page.request, "PATCH", "/api/me", { locale: "nl" });
      try {
        await tab.page.reload();
        await tab.page.getByRole("button", { name: "Camera" }).click();
        await assertText(await visible(tab.page.getByTestId("camera-problem")), "Er is geen camera gevonden op dit apparaat.");
        await visible(tab.page.getByRole("button", { name: "Camera sluiten" }));
      } finally {
        await apiJson(tab.page.request, "PATCH", "/api/me", { locale: null });
      }
      assert.deepEqual(tab.pageErrors, []);
    } finally {
      await tab.context.close();
    }
  });
});
