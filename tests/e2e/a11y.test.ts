// axe-core on the main pages of each role: no serious or critical violations.
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, demo, launchBrowser, openTab, signIn, visible } from "./helpers";

/** Serious and critical WCAG 2.1 A/AA violations on the page, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

const PAGES: { role: Parameters<typeof demo>[0]; paths: string[] }[] = [
  { role: "MANAGER", paths: ["/", "/mos", "/mos/new", "/workorders", "/products", "/workcenters", "/stock", "/reports"] },
  { role: "ADMIN", paths: ["/admin/users", "/admin/audit"] },
  { role: "OPERATOR", paths: ["/", "/operator"] },
  { role: "INVENTORY", paths: ["/", "/stock", "/stock/ledger"] },
  { role: "SALES", paths: ["/"] },
];

describe("accessibility (axe-core, WCAG 2.1 A/AA): no serious or critical violations", () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test("the sign-in page", async () => {
    const { context, page } = await openTab(browser);
    try {
      await page.goto(`${BASE_URL}/signin`);
      await visible(page.getByRole("button", { name: /sign in/i }));
      assert.deepEqual(await seriousViolations(page), []);
    } finally {
      await context.close();
    }
  });

  for (const { role, paths } of PAGES) {
    test(`${role}: ${paths.join(", ")}`, async () => {
      const { context, page } = await openTab(browser);
      const user = demo(role);
      try {
        await signIn(page, user.email, user.password, user.role);
        const found: string[] = [];
        for (const path of paths) {
          await page.goto(`${BASE_URL}${path}`);
          await visible(page.locator("main h1").first());
          // Settled: the network quiet if it gets so (a page that keeps a request going, e.g. the
          // service worker caching the tablet's files on a first visit, need not), then no loading
          // spinner left, so axe sees the page as the user does.
          await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
          await page.waitForFunction(() => !document.querySelector("main .animate-spin"), undefined, { timeout: 20_000 });
          found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
        }
        assert.deepEqual(found, []);
      } finally {
        await context.close();
      }
    });
  }
});
