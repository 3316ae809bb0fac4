// Shared setup of the browser tests: one headless Chromium per test file, a fresh context (no
// cookies) per test at tablet size, and small assertion helpers on top of playwright-core.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";

export const BASE_URL = process.env.E2E_BASE_URL ?? "";
if (!BASE_URL) throw new Error("E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`.");

export const ARTIFACTS = path.resolve("tests/e2e/artifacts");
export const TABLET = { width: 768, height: 1024 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type Role = "ADMIN" | "MANAGER" | "OPERATOR" | "INVENTORY" | "SALES" | "VIEWER";

export interface DemoUser {
  role: Role;
  roleLabel: string;
  email: string;
  password: string;
  name: string;
  heading: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { role: "ADMIN", roleLabel: "Admin", email: "admin@demo.com", password: "Admin@123", name: "Admin User", heading: "Admin dashboard" },
  { role: "MANAGER", roleLabel: "Manager", email: "manager@demo.com", password: "Manager@123", name: "Maria Manager", heading: "Manager dashboard" },
  { role: "OPERATOR", roleLabel: "Operator", email: "operator@demo.com", password: "Operator@123", name: "Otto Operator", heading: "My work orders" },
  { role: "INVENTORY", roleLabel: "Inventory", email: "inventory@demo.com", password: "Inventory@123", name: "Ines Inventory", heading: "Inventory dashboard" },
  { role: "SALES", roleLabel: "Sales", email: "sales@demo.com", password: "Sales@123", name: "Sam Sales", heading: "Sales dashboard" },
  { role: "VIEWER", roleLabel: "Viewer", email: "viewer@demo.com", password: "Viewer@123", name: "Vic Viewer", heading: "Production overview" },
];

/** The demo user of a role. */
export function demo(role: Role): DemoUser {
  const u = DEMO_USERS.find((d) => d.role === role);
  if (!u) throw new Error(`no demo user for ${role}`);
  return u;
}

/**
 * Headless Chromium (Debian's), with nothing that reaches the network on its own; `extraArgs` adds
 * switches for one test file (e.g. a fake camera fed from a file).
 */
export function launchBrowser({ extraArgs = [] }: { extraArgs?: readonly string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync", ...extraArgs],
  });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page: a test that expects none asserts this stays empty. */
  pageErrors: Error[];
}

/**
 * A fresh, signed-out browser context at tablet size; `locale` sets the browser's language (its
 * Accept-Language and navigator.language), else Chromium's default (en-US).
 */
export async function openTab(browser: Browser, { locale }: { locale?: string } = {}): Promise<Tab> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: TABLET, deviceScaleFactor: 1, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  const pageErrors: Error[] = [];
  page.on("pageerror", (err) => pageErrors.push(err));
  return { context, page, pageErrors };
}

/** Fills and submits the sign-in form (the page must be /signin). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in through the sign-in page and waits for the dashboard of the user's role. */
export async function signIn(page: Page, email: string, password: string, role: Role): Promise<void> {
  await page.goto("/signin");
  await submitSignIn(page, email, password);
  await page.waitForURL(`${BASE_URL}/`);
  await visible(page.getByTestId(`dashboard-${role}`));
}

/** Waits until the locator is visible (fails the test after the page's default timeout). */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: "visible" });
  return locator;
}

/** Waits until the locator is visible and its text contains `expected`; fails with the text it had. */
export async function assertText(locator: Locator, expected: string | RegExp, timeout = 15_000): Promise<void> {
  try {
    await locator.filter({ hasText: expected }).first().waitFor({ state: "visible", timeout });
  } catch {
    const actual = (await locator.count()) ? (await locator.first().innerText()).replace(/\s+/g, " ").trim() : "(no element)";
    assert.fail(`expected ${String(locator)} to contain ${String(expected)}, but it reads: "${actual}"`);
  }
}

/** The message box of the page's own content (Next's route announcer is an alert too). */
export function alertIn(page: Page): Locator {
  return page.getByRole("main").getByRole("alert");
}

/** Saves a full-page screenshot into tests/e2e/artifacts/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Names of the links of the main navigation. */
export async function navLinks(page: Page): Promise<string[]> {
  const nav = await visible(page.getByRole("navigation", { name: "Main" }));
  return (await nav.getByRole("link").allInnerTexts()).map((t) => t.trim());
}

/** A unique suffix for records a test creates. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A JSON API call from a signed-in tab's request context (same origin, its session); fails the test
 * with the status and body when the answer is not 2xx.
 */
export async function apiJson<T>(request: APIRequestContext, method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, data?: unknown): Promise<T> {
  const res = await request.fetch(url, { method, ...(data === undefined ? {} : { data }), headers: { Origin: BASE_URL } });
  const body = await res.text();
  assert.ok(res.ok(), `${method} ${url} answered ${res.status()}: ${body}`);
  return JSON.parse(body) as T;
}
