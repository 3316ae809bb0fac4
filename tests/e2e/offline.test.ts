// The tablet through a dropped network, in a real browser at tablet size: with the context offline, an
// operator starts a work order, writes a comment and pauses it with a reason; the card lists the three
// as queued with the local time of each tap; a reload without a network still shows the tablet (the
// service worker's page, the kept answers) with the queue; back online they replay in order, and the
// API shows exactly one effect each, booked at the tablet's times. Replaying an action the server
// already applied (its Idempotency-Key) changes nothing; a queued start of a WO reassigned meanwhile
// comes back as a conflict shown on the card until the operator acknowledges it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, apiJson, assertText, demo, launchBrowser, openTab, screenshot, signIn, unique, visible, type Tab } from "./helpers";

interface Wo {
  id: string;
  code: string;
  sequence: number;
}
interface Detail {
  status: string;
  assignedToId: string | null;
  timeLogs: { startedAt: string; endedAt: string | null }[];
  comments: { content: string; createdAt: string }[];
}


/** Waits until the service worker controls the page and keeps the page itself and its build files. */
async function waitForOfflineCopy(page: Page): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await page.evaluate(async () => {
      const controlled = !!navigator.serviceWorker?.controller;
      const kept = controlled && !!(await (await caches.open("mes-tablet-pages")).match(location.href, { ignoreVary: true }));
      const files = (await (await caches.open("mes-static")).keys()).map((r) => r.url);
      const loaded = performance.getEntriesByType("resource").map((e) => e.name).filter((u) => u.includes("/_next/static/"));
      return { controlled, kept, missing: loaded.filter((u) => !files.includes(u)) };
    });
    if (state.controlled && state.kept && !state.missing.length) return;
    // On a miss, say which part: no worker in control, the page not kept, or which build files are not.
    assert.ok(Date.now() < deadline, `the service worker kept the page and its files within 30 s: ${JSON.stringify(state)}`);
    await page.waitForTimeout(500);
  }
}

/** The queued taps on the page: kind, the ISO time kept, and the text shown. */
async function queued(page: Page): Promise<{ kind: string; at: string; text: string }[]> {
  return page.getByTestId("queued-action").evaluateAll((els) =>
    els.map((el) => ({ kind: el.getAttribute("data-kind") ?? "", at: el.querySelector("time")?.getAttribute("datetime") ?? "", text: (el as HTMLElement).innerText })),
  );
}

describe("offline tablet", () => {
  let browser: Browser;
  let operator: Tab;
  let manager: Tab;
  let wos: Wo[] = [];
  let moId = "";
  let otherId = "";
  /** The work-order POSTs the tablet made (with their keys), and the answers to replays of them. */
  const sent: { url: string; key: string; body: string }[] = [];
  const replayed: { url: string; status: number; replayed: string | null }[] = [];

  before(async () => {
    browser = await launchBrowser();
    manager = await openTab(browser);
    const mgr = demo("MANAGER");
    await signIn(manager.page, mgr.email, mgr.password, mgr.role);
    const admin = await openTab(browser);
    const adm = demo("ADMIN");
    await signIn(admin.page, adm.email, adm.password, adm.role);
    // A person of their own, so nothing another test runs counts against the one-running-WO rule.
    const email = `offline-${unique()}@example.com`;
    const user = await apiJson<{ id: string }>(admin.page.request, "POST", "/api/users", { name: "Olga Offline", email, role: "OPERATOR", password: "Operator-pass-1" });
    const other = await apiJson<{ id: string }>(admin.page.request, "POST", "/api/users", { name: "Oscar Other", email: `other-${unique()}@example.com`, role: "OPERATOR", password: "Operator-pass-1" });
    otherId = other.id;
    await admin.context.close();
    const products = await apiJson<{ items: { id: string; sku: string }[] }>(manager.page.request, "GET", "/api/products?q=TABLE-100");
    const table = products.items.find((p) => p.sku === "TABLE-100");
    assert.ok(table, "the demo product TABLE-100 exists");
    const mo = await apiJson<{ id: string }>(manager.page.request, "POST", "/api/mos", { name: `E2E offline ${unique()}`, productId: table.id, quantity: 1 });
    moId = mo.id;
    wos = (await apiJson<{ items: Wo[] }>(manager.page.request, "GET", `/api/mos/${mo.id}/workorders`)).items.sort((a, b) => a.sequence - b.sequence);
    for (const w of wos) await apiJson(manager.page.request, "PATCH", `/api/workorders/${w.id}`, { assignedToId: user.id });
    operator = await openTab(browser);
    await signIn(operator.page, email, "Operator-pass-1", "OPERATOR");
    operator.page.on("response", (res) => {
      const req = res.request();
      if (req.method() !== "POST" || !/\/api\/workorders\/[^/]+\/(start|pause|complete|comments)$/.test(req.url())) return;
      const key = req.headers()["idempotency-key"] ?? "";
      if (sent.some((s) => s.key === key)) replayed.push({ url: req.url(), status: res.status(), replayed: res.headers()["idempotent-replayed"] ?? null });
      else sent.push({ url: req.url(), key, body: req.postData() ?? "" });
    });
  });

  after(async () => {
    await manager?.page.request.fetch(`/api/mos/${moId}/cancel`, { method: "POST", data: {}, headers: { Origin: BASE_URL } }).catch(() => undefined);
    await browser?.close();
  });

  test("start, a comment and a pause without a network: queued with their times, kept through a reload, replayed once each at those times", async () => {
    const { page, context } = operator;
    const wo = wos[0]!;
    await page.goto(`/workorders/${wo.id}`);
    const actions = await visible(page.getByTestId("wo-actions"));
    await waitForOfflineCopy(page);

    await context.setOffline(true);
    const before = Date.now();
    await actions.getByRole("button", { name: `Start ${wo.code}` }).click();
    await assertText(page.getByTestId("offline-queue"), "Waiting for the network (1)");
    await page.getByRole("textbox", { name: "Comment" }).fill("Blade changed while the Wi-Fi was down");
    await page.getByRole("button", { name: "Add comment" }).click();
    await assertText(page.getByTestId("wo-comments-pending"), "Blade changed while the Wi-Fi was down");
    // The buttons follow the queued start: Pause is offered, with its reasons (loaded before the drop).
    await actions.getByRole("button", { name: `Pause ${wo.code}` }).click();
    await page.getByTestId("pause-reasons").locator('[data-reason="BREAK"]').click();
    await assertText(page.getByTestId("offline-queue"), "Waiting for the network (3)");
    const after = Date.now();

    const taps = await queued(page);
    assert.deepEqual(
      taps.map((q) => q.kind),
      ["start", "comment", "pause"],
    );
    for (const q of taps) {
      const t = Date.parse(q.at);
      assert.ok(t >= before - 1000 && t <= after + 1000, `${q.kind} was stamped at the tap (${q.at})`);
      // The tablet's local time of the tap, to the second.
      const local = await page.evaluate((iso) => new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(new Date(iso)), q.at);
      assert.ok(q.text.includes(local), `"${q.text}" shows the local time ${local}`);
    }
    await screenshot(page, "offline-queued");

    // Nothing reached the server yet.
    let detail = await apiJson<Detail>(manager.page.request, "GET", `/api/workorders/${wo.id}`);
    assert.equal(detail.status, "PENDING");
    assert.equal(detail.timeLogs.length, 0);
    assert.equal(detail.comments.length, 0);

    // A reload without a network: the service worker's copy of the page, the kept answers, the queue.
    await page.reload();
    await visible(page.getByTestId("wo-actions"));
    assert.deepEqual(
      (await queued(page)).map((q) => [q.kind, q.at]),
      taps.map((q) => [q.kind, q.at]),
    );

    await context.setOffline(false);
    await page.getByTestId("offline-queue").waitFor({ state: "detached", timeout: 30_000 });
    detail = await apiJson<Detail>(manager.page.request, "GET", `/api/workorders/${wo.id}`);
    assert.equal(detail.status, "PAUSED");
    assert.equal(detail.timeLogs.length, 1, "one time log: one start, one pause");
    assert.equal(detail.comments.length, 1, "one comment");
    const [start, comment, pause] = taps;
    const near = (a: string | null, b: string, what: string) => assert.ok(a !== null && Math.abs(Date.parse(a) - Date.parse(b)) <= 1000, `${what}: booked ${a}, tapped ${b}`);
    near(detail.timeLogs[0]!.startedAt, start!.at, "start");
    near(detail.timeLogs[0]!.endedAt, pause!.at, "pause");
    near(detail.comments[0]!.createdAt, comment!.at, "comment");
    await assertText(page.getByTestId("wo-comments"), "Blade changed while the Wi-Fi was down");
  });

  test("a replay of what the server already applied (the same Idempotency-Keys and bodies) changes nothing", async () => {
    const { page } = operator;
    const wo = wos[0]!;
    assert.deepEqual(
      sent.map((r) => r.url.split("/").pop()),
      ["start", "comments", "pause"],
      "the tablet sent the three in the order tapped",
    );
    const before = await apiJson<Detail>(manager.page.request, "GET", `/api/workorders/${wo.id}`);
    // Back into the queue as they were (as if their answers had been lost on the way back), then replayed.
    await page.evaluate(async (requests) => {
      const me = (await (await fetch("/api/me")).json()) as { user: { id: string } };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open("mes-offline");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => resolve(open.result);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction("actions", "readwrite");
        for (const r of requests) {
          const body = JSON.parse(r.body) as { at: string };
          tx.objectStore("actions").add({ key: r.key, kind: "start", woId: "replay", woCode: "replay", url: new URL(r.url).pathname, body, at: body.at, state: "queued", userId: me.user.id });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      window.dispatchEvent(new Event("online"));
    }, sent);
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open("mes-offline");
          open.onsuccess = () => {
            const req = open.result.transaction("actions").objectStore("actions").count();
            req.onsuccess = () => resolve(req.result === 0);
          };
        }),
      null,
      { timeout: 30_000, polling: 500 },
    );
    // The answers reach this process as events: wait for the three.
    for (const deadline = Date.now() + 15_000; replayed.length < 3 && Date.now() < deadline; ) await page.waitForTimeout(200);
    assert.equal(replayed.length, 3, "the three were sent again");
    assert.ok(replayed.every((r) => r.status >= 200 && r.status < 300 && r.replayed === "true"), `answered from the idempotency store: ${JSON.stringify(replayed)}`);
    const after = await apiJson<Detail>(manager.page.request, "GET", `/api/workorders/${wo.id}`);
    assert.equal(after.status, before.status);
    assert.deepEqual(after.timeLogs, before.timeLogs);
    assert.deepEqual(after.comments, before.comments);
  });

  test("a queued start of a WO reassigned meanwhile comes back as a conflict on the card, removed once acknowledged", async () => {
    const { page, context } = operator;
    const wo = wos[1]!;
    await page.goto(`/workorders/${wo.id}`);
    const actions = await visible(page.getByTestId("wo-actions"));
    await context.setOffline(true);
    await actions.getByRole("button", { name: `Start ${wo.code}` }).click();
    await assertText(page.getByTestId("offline-queue"), "Waiting for the network (1)");
    // Meanwhile the planner gives the WO to someone else.
    await apiJson(manager.page.request, "PATCH", `/api/workorders/${wo.id}`, { assignedToId: otherId });
    await context.setOffline(false);
    const conflict = await visible(page.getByTestId("offline-conflict"));
    await assertText(conflict, `Start of ${wo.code}`);
    await assertText(conflict, "was not applied");
    assert.equal(await conflict.getAttribute("data-code"), "NOT_FOUND");
    await screenshot(page, "offline-conflict");
    const detail = await apiJson<Detail>(manager.page.request, "GET", `/api/workorders/${wo.id}`);
    assert.equal(detail.status, "PENDING");
    assert.equal(detail.timeLogs.length, 0);
    await conflict.getByRole("button", { name: "OK, remove it" }).click();
    await page.getByTestId("offline-conflict").waitFor({ state: "detached" });
  });
  test("a page loaded past the worker (a hard reload) is taken over by it, and its page and files kept again", async () => {
    const { page, context } = operator;
    await page.goto(`/workorders/${wos[0]!.id}`);
    await visible(page.getByTestId("wo-actions"));
    await waitForOfflineCopy(page);
    // Whether the worker controlled the document as it began (the premise: a hard reload bypasses it).
    await page.addInitScript(() => {
      (window as unknown as { startedControlled: boolean }).startedControlled = !!navigator.serviceWorker?.controller;
    });
    // Drop what was kept, so only this load can keep it again.
    await page.evaluate(async () => {
      await caches.delete("mes-static");
      await caches.delete("mes-tablet-pages");
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Page.reload", { ignoreCache: true });
    await visible(page.getByTestId("wo-actions"));
    assert.equal(await page.evaluate(() => (window as unknown as { startedControlled: boolean }).startedControlled), false, "the hard reload began outside the worker");
    await waitForOfflineCopy(page);
  });
});
