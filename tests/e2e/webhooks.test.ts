// Webhooks on the admin screen against the compiled server: an admin adds a webhook for MO changes
// pointing at a receiver in this test, sees the secret once, an MO change arrives signed with it, the
// delivery log shows it delivered, and "Send again" delivers the same event id a second time.
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { verifySignature } from "../../lib/webhooks/signature";
import { assertText, demo, launchBrowser, openTab, signIn, unique, visible } from "./helpers";

interface Got {
  raw: string;
  signature: string;
  id: string;
}

describe("Webhooks", () => {
  let browser: Browser;
  let receiver: Server;
  const got: Got[] = [];
  let url = "";
  before(async () => {
    browser = await launchBrowser();
    receiver = createServer((req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      req.on("end", () => {
        got.push({ raw, signature: String(req.headers["x-mes-signature"]), id: (JSON.parse(raw) as { id: string }).id });
        res.end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook-${unique()}`;
  });
  after(async () => {
    await browser?.close();
    receiver?.closeAllConnections();
    await new Promise<void>((r) => receiver?.close(() => r()));
  });

  const until = async (what: string, ok: () => boolean) => {
    const end = Date.now() + 15_000;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  test("an admin adds a webhook, sees the secret once, and an MO change arrives signed; Send again repeats it", async () => {
    const admin = demo("ADMIN");
    const { context, page, pageErrors } = await openTab(browser);
    try {
      await signIn(page, admin.email, admin.password, admin.role);
      await page.goto("/admin/webhooks");
      await visible(page.getByRole("heading", { name: "Webhooks", level: 1 }));
      const form = page.getByRole("form", { name: "Add a webhook" });
      await form.getByLabel("URL").fill(url);
      await form.getByLabel("mo:updated").check();
      await form.getByRole("button", { name: "Add webhook" }).click();
      const shown = await visible(page.getByTestId("webhook-secret"));
      const secret = (await shown.locator("code").innerText()).trim();
      assert.match(secret, /^whsec_/);
      const row = page.getByTestId("webhook").filter({ hasText: url });
      await assertText(row, `…${secret.slice(-4)}`);
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      assert.deepEqual(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id), []);
      await shown.getByRole("button", { name: "I have copied it" }).click();
      assert.equal(await page.getByTestId("webhook-secret").count(), 0);

      // An MO change, made from the page (same origin, the admin's session).
      const status = await page.evaluate(async () => {
        // An open order: the newest may be one another suite completed (a DONE order's priority is fixed: 409).
        const list = (await (await fetch("/api/mos?state=PLANNED&pageSize=1")).json()) as { items: { id: string; priority: string }[] };
        const mo = list.items[0]!;
        const res = await fetch(`/api/mos/${mo.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ priority: mo.priority === "URGENT" ? "LOW" : "URGENT" }) });
        return res.status;
      });
      assert.equal(status, 200);
      await until("the event", () => got.length >= 1);
      assert.equal(verifySignature(secret, got[0]!.raw, got[0]!.signature), true);

      await row.getByRole("button", { name: "Delivery log" }).click();
      const delivery = row.getByTestId("webhook-delivery").first();
      await assertText(delivery, "Delivered");
      await assertText(delivery, "200");
      await delivery.getByRole("button", { name: "Send again" }).click();
      await until("the redelivery", () => got.length >= 2);
      assert.equal(got[1]!.id, got[0]!.id);
      assert.equal(got[1]!.raw, got[0]!.raw);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
