// Pages (issue 16, target 6): the production build, a year of data, a headless Chromium at the tablet
// size of the browser tests (768 × 1024). Two pages are timed from the start of `page.goto` to the first
// button the user can act on: the operator view (/operator, the first enabled start / pause / resume /
// complete button of a work order card) and the MO list (/mos, the first order's link in the table; both
// appear only after hydration and the page's API reads). Target: p95 < 1 s. Each page N times warm (one
// browser context: the HTTP cache and the service worker as a tablet keeps them) and N times cold (a new
// context per navigation: empty cache, no service worker, only the session cookie), after a warm-up.
// Then the first-load JavaScript of every page, gzipped, from the build's manifests (Next 16's
// Turbopack build no longer prints sizes): target no page over 300 kB.
//
// Steps: (1) the build, as `npm run build` does (service worker, `next build`, the compiled server), into
// its own folder, .next-bench-pages and dist/server-.next-bench-pages.mjs, so a browser-test run in the same
// tree keeps its .next; (2) a database of a year: BENCH_PAGES_DATABASE_URL, or a fresh
// `mes_bench_pages_<random>` on the bench server filled by `npm run db:fake -- --months 12` (3–4 min)
// and dropped at the end; (3) the built server on 127.0.0.1 (NODE_ENV=production, its own secret,
// NEXTAUTH_URL, the sign-in rate limits raised); (4) the browser; (5) the manifests.
//
// `BENCH_ONLY=pages npm run bench` runs it and puts its section into bench/results.md in place of an
// earlier one (the rest of the file is kept). Environment (all optional):
//   BENCH_PAGES_N             navigations per page and mode (default 20)
//   BENCH_PAGES_DATABASE_URL  a database loaded before (`DATABASE_URL=<url> npm run db:fake -- --months 12`);
//                             used as it is (the server migrates it on start) and kept
//   BENCH_PAGES_MONTHS        months of the fresh database (default 12)
//   BENCH_PAGES_SKIP_BUILD=1  reuse the build in BENCH_PAGES_DIST_DIR (its age against the newest source
//                             file is printed and noted in the section); else it is built (2–5 min)
//   BENCH_PAGES_DIST_DIR      the build folder (default .next-bench-pages; `.next` uses `npm run build`'s
//                             own, with dist/server.mjs)
//   BENCH_PAGES_KEEP=1        keep the fresh database (its name is printed)
//   CHROMIUM_PATH             the browser (default /usr/bin/chromium)
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import bcrypt from "bcryptjs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { admin } from "./db";
import { quantile } from "./stats";

export const PAGES_TITLE = "## Pages (production build, tablet viewport)";
const TARGET_MS = 1000;
const JS_LIMIT_KB = 300;
const TABLET = { width: 768, height: 1024 }; // tests/e2e/helpers.ts TABLET
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];
const ROOT = process.cwd(); // `npm run bench` runs in the repository
const log = (m: string) => console.log(`[bench:pages] ${m}`);
const MINUTE = 60_000;

interface Target {
  name: string;
  path: string;
  who: string;
  email: string;
  password: string;
  /** The first thing the user can act on; `:enabled` for buttons. */
  selector: string;
  what: string;
}

interface Timing {
  ms: number;
  ttfb: number;
  dcl: number;
  /** The page's clock when the element was seen (ms after the navigation started). */
  at: number;
}

interface Run {
  target: Target;
  mode: "warm" | "cold";
  samples: Timing[];
  error?: string;
  /** JS the first cold navigation fetched before the element was there (and in all): compressed / decoded bytes, files. */
  js?: { before: ScriptBytes; all: ScriptBytes };
}

interface ScriptBytes {
  transfer: number;
  decoded: number;
  files: number;
}

interface PageJs {
  route: string;
  files: number;
  raw: number;
  gzip: number;
}

const OPERATOR_ACTION = '[data-testid="wo-card"] [data-testid="wo-actions"] button:enabled';
const MO_ROW_LINK = '[data-testid="mo-row"] a[href^="/mos/"]';

/** Runs the benchmark and answers its section of bench/results.md (a FAILED section, never a throw). */
export async function benchPages(serverUrl: string, opts: { onlyRun?: boolean } = {}): Promise<string> {
  try {
    return await run(serverUrl, opts.onlyRun ?? false);
  } catch (err) {
    console.error(err);
    return `${PAGES_TITLE}\n\nFAILED: ${String((err as Error)?.message ?? err).split("\n")[0]}\n`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Child processes: each in its own process group, stopped by its pid (SIGTERM, then SIGKILL).

const children = new Set<ChildProcess>();
// bench/run.ts's watchdog ends the process with process.exit: no child outlives it.
process.once("exit", () => {
  for (const child of children) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* gone already */
    }
  }
});

function start(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile?: string): ChildProcess {
  const child = spawn(cmd, args, { cwd: ROOT, env, detached: true, stdio: logFile ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  if (logFile) {
    const out = createWriteStream(logFile);
    child.stdout!.pipe(out);
    child.stderr!.pipe(out);
  }
  return child;
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* gone already */
    }
  };
  kill("SIGTERM");
  const timer = setTimeout(() => kill("SIGKILL"), 8000);
  await exited;
  clearTimeout(timer);
}

/** Runs a command to its end within `timeoutMs`; throws on a non-zero exit. */
async function runStep(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number, logFile?: string): Promise<void> {
  const started = Date.now();
  const child = start(cmd, args, env, logFile);
  const code = await new Promise<number>((resolve) => {
    const timer = setTimeout(() => {
      log(`${label}: no result after ${timeoutMs / 1000} s, stopping it`);
      void stop(child).then(() => resolve(124));
    }, timeoutMs);
    child.once("exit", (c, sig) => {
      clearTimeout(timer);
      resolve(c ?? (sig ? 128 : 1));
    });
  });
  if (code !== 0) throw new Error(`${label} failed (exit ${code})${logFile ? `, see ${path.relative(ROOT, logFile)}` : ""}`);
  log(`${label}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error("the server exited before it was ready");
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

// ---------------------------------------------------------------------------------------------------
// The build.

function distPaths(): { distDir: string; serverFile: string } {
  const distDir = process.env.BENCH_PAGES_DIST_DIR || ".next-bench-pages";
  // .next → dist/server.mjs (`npm run build`'s); another folder → dist/server-<folder>.mjs, as
  // tests/e2e/run.mjs names it (so `NEXT_DIST_DIR=.next-bench-pages npm run test:e2e` builds one to reuse).
  const base = path.basename(distDir);
  return { distDir, serverFile: base === ".next" ? "dist/server.mjs" : `dist/server-${base}.mjs` };
}

/** The newest modification time of the files the build is made of (git's tracked and untracked sources). */
async function newestSource(): Promise<{ file: string; mtime: number }> {
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "pages", "components", "lib", "messages", "styles", "public", "server.ts", "next.config.js", "package.json"], { cwd: ROOT });
    let s = "";
    child.stdout.on("data", (d: Buffer) => (s += d.toString()));
    child.once("error", reject);
    child.once("exit", () => resolve(s));
  });
  let newest = { file: "", mtime: 0 };
  for (const f of out.split("\0").filter(Boolean)) {
    if (f === "public/sw.js" || /\.test\.tsx?$/.test(f)) continue;
    try {
      const m = statSync(path.join(ROOT, f)).mtimeMs;
      if (m > newest.mtime) newest = { file: f, mtime: m };
    } catch {
      /* deleted in the working tree */
    }
  }
  return newest;
}

async function build(distDir: string, serverFile: string): Promise<{ note: string; seconds: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" };
  const started = Date.now();
  const buildLog = path.join(ROOT, "bench", "tmp", "pages-build.log");
  await runStep("service worker", process.execPath, ["scripts/build-sw.mjs"], env, 5 * MINUTE);
  log(`next build into ${distDir} (log: ${path.relative(ROOT, buildLog)})`);
  await runStep("next build", "npx", ["next", "build"], env, 15 * MINUTE, buildLog);
  await runStep("compiled server", process.execPath, ["scripts/build-server.mjs", `--outfile=${serverFile}`], env, 5 * MINUTE);
  const seconds = (Date.now() - started) / 1000;
  return { note: `built for this run in ${seconds.toFixed(0)} s (\`next build\`, Turbopack, into \`${distDir}\`; server \`${serverFile}\`)`, seconds };
}

async function reuseBuild(distDir: string, serverFile: string): Promise<string> {
  const id = path.join(ROOT, distDir, "BUILD_ID");
  if (!existsSync(id) || !existsSync(path.join(ROOT, serverFile))) {
    throw new Error(`BENCH_PAGES_SKIP_BUILD=1 but there is no build in ${distDir} (BUILD_ID) with ${serverFile}: run without it once`);
  }
  const builtAt = Math.min(statSync(id).mtimeMs, statSync(path.join(ROOT, serverFile)).mtimeMs);
  const newest = await newestSource();
  const stale = newest.mtime > builtAt;
  if (stale) log(`WARNING: the reused build (${new Date(builtAt).toISOString()}) is older than ${newest.file} (${new Date(newest.mtime).toISOString()})`);
  return (
    `reused (BENCH_PAGES_SKIP_BUILD=1) from ${new Date(builtAt).toISOString().replace(/\.\d+Z$/, "Z")} in \`${distDir}\`` +
    (stale ? `, **older than ${newest.file}** (changed ${new Date(newest.mtime).toISOString().replace(/\.\d+Z$/, "Z")})` : ", newer than every source file")
  );
}

// ---------------------------------------------------------------------------------------------------
// First-load JavaScript from the build's manifests.

/**
 * Per page: the scripts its first load fetches — the build manifest's root main files, polyfills left
 * out (nomodule, a modern browser skips them), plus `/_app`'s and the page's own chunks — each file
 * once, raw and gzipped (level 9, as a CDN would; the server here compresses on the fly).
 */
function firstLoadJs(distDir: string): { pages: PageJs[]; shared: PageJs } {
  const dir = path.join(ROOT, distDir);
  const manifest = JSON.parse(readFileSync(path.join(dir, "build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
    pages: Record<string, string[]>;
  };
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const size = (f: string) => {
    let s = sizes.get(f);
    if (!s) {
      const buf = readFileSync(path.join(dir, f));
      s = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
      sizes.set(f, s);
    }
    return s;
  };
  const js = (files: string[] | undefined) => (files ?? []).filter((f) => f.endsWith(".js"));
  const sum = (route: string, files: string[]): PageJs => {
    const unique = [...new Set(files)];
    return { route, files: unique.length, raw: unique.reduce((a, f) => a + size(f).raw, 0), gzip: unique.reduce((a, f) => a + size(f).gzip, 0) };
  };
  const sharedFiles = [...js(manifest.rootMainFiles), ...js(manifest.pages["/_app"])];
  const pages = Object.keys(manifest.pages)
    .filter((r) => r !== "/_app" && r !== "/_error" && r !== "/_document")
    .sort()
    .map((r) => sum(r, [...sharedFiles, ...js(manifest.pages[r])]));
  return { pages, shared: sum("(shared by all)", sharedFiles) };
}

// ---------------------------------------------------------------------------------------------------
// The database.

interface Db {
  url: string;
  name: string;
  created: boolean;
  drop(): Promise<void>;
}

async function freshDb(serverUrl: string, months: number, secret: string): Promise<Db & { seconds: number }> {
  const name = `mes_bench_pages_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    log(`dropped ${name}`);
  };
  const started = Date.now();
  try {
    log(`filling ${name} with ${months} months (npm run db:fake -- --months ${months}; about 3–4 min for 12)`);
    const fakeLog = path.join(ROOT, "bench", "tmp", "pages-fake.log");
    await runStep("db:fake", "npm", ["run", "db:fake", "--", "--months", String(months)], { ...process.env, DATABASE_URL: u.toString(), NEXTAUTH_SECRET: secret, NODE_ENV: "development" }, 15 * MINUTE, fakeLog);
  } catch (err) {
    await drop();
    throw err;
  }
  return { url: u.toString(), name, created: true, drop, seconds: (Date.now() - started) / 1000 };
}

interface DataFacts {
  counts: Record<string, number>;
  size: string;
  /** Open work of the demo operator (what /operator lists). */
  demoOpen: number;
  busy?: { id: string; email: string; name: string; open: number };
}

const OPEN_WORK = `
  SELECT count(*)::int AS n FROM "WorkOrder" w JOIN "ManufacturingOrder" m ON m.id = w."moId"
  WHERE w."assignedToId" = $1 AND w.status IN ('PENDING', 'STARTED', 'PAUSED') AND m.state IN ('PLANNED', 'IN_PROGRESS')`;

async function dataFacts(url: string): Promise<DataFacts> {
  return admin(url, async (c) => {
    const counts: Record<string, number> = {};
    for (const t of ["ManufacturingOrder", "WorkOrder", "WorkOrderTimeLog", "StockEntry", "User"]) {
      counts[t] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0]!.n;
    }
    const size = (await c.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0]!.s;
    const demo = (await c.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'operator@demo.com'`)).rows[0];
    if (!demo) throw new Error("the database has no demo operator (operator@demo.com): load it with `npm run db:fake`");
    const demoOpen = (await c.query<{ n: number }>(OPEN_WORK, [demo.id])).rows[0]!.n;
    // The generated operator with the most open work (generated users have no password).
    const busy = (
      await c.query<{ id: string; email: string; name: string; open: number }>(`
        SELECT u.id, u.email, u.name, count(*)::int AS open
        FROM "User" u JOIN "WorkOrder" w ON w."assignedToId" = u.id JOIN "ManufacturingOrder" m ON m.id = w."moId"
        WHERE u.role = 'OPERATOR' AND u.active AND u."passwordHash" IS NULL AND w.status IN ('PENDING', 'STARTED', 'PAUSED') AND m.state IN ('PLANNED', 'IN_PROGRESS')
        GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1`)
    ).rows[0];
    return { counts, size, demoOpen, busy };
  });
}

// ---------------------------------------------------------------------------------------------------
// The browser.

async function signedInState(browser: Browser, baseURL: string, t: Target): Promise<Awaited<ReturnType<BrowserContext["storageState"]>>> {
  const context = await browser.newContext({ baseURL, viewport: TABLET, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(t.email);
    await page.getByLabel("Password", { exact: true }).fill(t.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(`${baseURL}/`, { timeout: 30_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** One navigation: `page.goto` until the target's first actionable element is visible (and enabled). */
async function navigate(page: Page, t: Target): Promise<Timing> {
  await page.goto("about:blank");
  const t0 = performance.now();
  await page.goto(t.path, { waitUntil: "commit", timeout: 30_000 });
  await page.locator(t.selector).first().waitFor({ state: "visible", timeout: 15_000 });
  const ms = performance.now() - t0;
  const nav = await page.evaluate(() => {
    const e = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return { ttfb: e?.responseStart ?? NaN, dcl: e?.domContentLoadedEventEnd ?? NaN, at: performance.now() };
  });
  return { ms, ...nav };
}

/** The scripts of the page's resource timing: those finished by `until` (page ms) and all of them. */
async function scriptBytes(page: Page, until: number): Promise<{ before: ScriptBytes; all: ScriptBytes }> {
  return page.evaluate((until) => {
    const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.initiatorType === "script" || /\.js(\?|$)/.test(r.name));
    // No named functions in here: tsx's transform would wrap them in a helper the page does not have.
    const out = { before: { transfer: 0, decoded: 0, files: 0 }, all: { transfer: 0, decoded: 0, files: 0 } };
    for (const r of scripts) {
      for (const o of r.responseEnd <= until ? [out.before, out.all] : [out.all]) {
        o.transfer += r.encodedBodySize;
        o.decoded += r.decodedBodySize;
        o.files += 1;
      }
    }
    return out;
  }, until);
}

async function measure(browser: Browser, baseURL: string, t: Target, n: number): Promise<Run[]> {
  const state = await signedInState(browser, baseURL, t);
  const newContext = () => browser.newContext({ baseURL, viewport: TABLET, deviceScaleFactor: 1, storageState: state });
  const runs: Run[] = [];

  // Warm: one context, one tab; two warm-ups (the first fills the cache and installs the service worker).
  const warm: Run = { target: t, mode: "warm", samples: [] };
  runs.push(warm);
  const ctx = await newContext();
  try {
    const page = await ctx.newPage();
    for (let i = 0; i < n + 2; i++) {
      const s = await navigate(page, t);
      if (i >= 2) warm.samples.push(s);
    }
  } catch (err) {
    warm.error = String((err as Error)?.message ?? err).split("\n")[0];
  } finally {
    await ctx.close();
  }
  log(`${t.name}, warm: ${summary(warm)}`);

  // Cold: a new context per navigation (empty cache, no service worker), after one cold warm-up.
  const cold: Run = { target: t, mode: "cold", samples: [] };
  runs.push(cold);
  try {
    for (let i = 0; i < n + 1; i++) {
      const c = await newContext();
      try {
        const page = await c.newPage();
        const s = await navigate(page, t);
        if (i === 0) {
          // Let the page settle (prefetches of linked pages come after the element), then split by the element's time.
          await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => undefined);
          cold.js = await scriptBytes(page, s.at);
        }
        else cold.samples.push(s);
      } finally {
        await c.close();
      }
    }
  } catch (err) {
    cold.error = String((err as Error)?.message ?? err).split("\n")[0];
  }
  log(`${t.name}, cold: ${summary(cold)}`);
  return runs;
}

function stats(r: Run) {
  const ms = r.samples.map((s) => s.ms).sort((a, b) => a - b);
  const ttfb = r.samples.map((s) => s.ttfb).sort((a, b) => a - b);
  const dcl = r.samples.map((s) => s.dcl).sort((a, b) => a - b);
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: ms[ms.length - 1] ?? NaN, ttfb: quantile(ttfb, 0.5), dcl: quantile(dcl, 0.5) };
}

const f = (ms: number) => (Number.isFinite(ms) ? Math.round(ms).toString() : "–");
const kb = (b: number) => (b / 1024).toFixed(1);

function summary(r: Run): string {
  if (r.error) return `ERROR ${r.error}`;
  const s = stats(r);
  return `p50 ${f(s.p50)} ms, p95 ${f(s.p95)} ms, max ${f(s.max)} ms (${r.samples.length})`;
}

// ---------------------------------------------------------------------------------------------------

async function run(serverUrl: string, onlyRun: boolean): Promise<string> {
  const n = Number(process.env.BENCH_PAGES_N || 20);
  const months = Number(process.env.BENCH_PAGES_MONTHS || 12);
  const loadBefore = os.loadavg()[0]!;
  const secret = randomBytes(32).toString("base64url");
  const { distDir, serverFile } = distPaths();
  mkdirSync(path.join(ROOT, "bench", "tmp"), { recursive: true }); // the logs of the build, db:fake and the server

  const buildNote = process.env.BENCH_PAGES_SKIP_BUILD === "1" ? await reuseBuild(distDir, serverFile) : (await build(distDir, serverFile)).note;
  const js = firstLoadJs(distDir);
  const over = js.pages.filter((p) => p.gzip / 1024 > JS_LIMIT_KB);
  log(`first-load JS: the largest page ${kb(Math.max(...js.pages.map((p) => p.gzip)))} kB gzipped; ${over.length} over ${JS_LIMIT_KB} kB`);

  const given = process.env.BENCH_PAGES_DATABASE_URL;
  let db: Db | undefined;
  let dbNote: string;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let passwordSet: string | undefined;
  try {
    if (given) {
      db = { url: given, name: new URL(given).pathname.slice(1), created: false, drop: async () => undefined };
      dbNote = "loaded before the run (BENCH_PAGES_DATABASE_URL)";
      log(`using ${db.name} as it is (BENCH_PAGES_DATABASE_URL)`);
    } else {
      const fresh = await freshDb(serverUrl, months, secret);
      db = fresh;
      dbNote = `a fresh database filled by \`npm run db:fake -- --months ${months}\` in ${fresh.seconds.toFixed(0)} s, dropped afterwards`;
    }
    const facts = await dataFacts(db.url);

    // The generated operator with the most open work gets a password for the run (cleared at the end):
    // the demo operator holds the seed's two work orders, a shift's operator holds hundreds.
    const busyPassword = `Bench-${randomBytes(6).toString("hex")}`;
    if (facts.busy) {
      const hash = await bcrypt.hash(busyPassword, 10);
      await admin(db.url, (c) => c.query(`UPDATE "User" SET "passwordHash" = $1 WHERE id = $2 AND "passwordHash" IS NULL`, [hash, facts.busy!.id]));
      passwordSet = facts.busy.id;
    }

    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const serverLog = path.join(ROOT, "bench", "tmp", "pages-server.log");
    log(`starting the built server ${serverFile} on ${baseURL} (log: ${path.relative(ROOT, serverLog)})`);
    server = start(
      process.execPath,
      ["--enable-source-maps", serverFile],
      {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: db.url,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: baseURL,
        PORT: String(port),
        HOST: "127.0.0.1",
        SEED_DEMO: "false",
        LOGIN_MAX_FAILURES_PER_IP: "100000",
        LOGIN_MAX_FAILURES_PER_EMAIL: "100000",
      },
      serverLog,
    );
    await waitForHealth(`${baseURL}/api/health`, server, 2 * MINUTE);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, timeout: 30_000, args: ARGS });
    const targets: Target[] = [
      { name: "Operator view", path: "/operator", who: `demo operator (${facts.demoOpen} open WOs)`, email: "operator@demo.com", password: "Operator@123", selector: OPERATOR_ACTION, what: "first enabled action button of a WO card" },
      ...(facts.busy
        ? [{ name: "Operator view", path: "/operator", who: `busiest generated operator (${facts.busy.open} open WOs)`, email: facts.busy.email, password: busyPassword, selector: OPERATOR_ACTION, what: "first enabled action button of a WO card" }]
        : []),
      { name: "MO list", path: "/mos", who: "demo manager", email: "manager@demo.com", password: "Manager@123", selector: MO_ROW_LINK, what: "first order's link in the table" },
    ];
    const runs: Run[] = [];
    for (const t of targets) {
      log(`${t.name} as the ${t.who}: ${n} warm and ${n} cold navigations`);
      runs.push(...(await measure(browser, baseURL, t, n)));
    }
    const loadAfter = os.loadavg()[0]!;
    return report({ n, runs, js, over, facts, buildNote, dbNote, loadBefore, loadAfter, onlyRun, serverFile });
  } finally {
    await browser?.close().catch(() => undefined);
    await stop(server);
    if (db && passwordSet) await admin(db.url, (c) => c.query(`UPDATE "User" SET "passwordHash" = NULL WHERE id = $1`, [passwordSet])).catch((err) => console.error(err));
    if (db?.created) {
      if (process.env.BENCH_PAGES_KEEP === "1") log(`kept the database ${db.name} (${db.url})`);
      else await db.drop();
    }
  }
}

function report(r: {
  n: number;
  runs: Run[];
  js: ReturnType<typeof firstLoadJs>;
  over: PageJs[];
  facts: DataFacts;
  buildNote: string;
  dbNote: string;
  loadBefore: number;
  loadAfter: number;
  onlyRun: boolean;
  serverFile: string;
}): string {
  const counts = Object.entries(r.facts.counts).map(([t, c]) => `${t} ${c.toLocaleString("en-US")}`).join(", ");
  const measured = r.runs.map((x) => ({ x, s: stats(x) }));
  const misses = measured.filter(({ x, s }) => x.error || !(s.p95 < TARGET_MS));
  const largest = Math.max(...r.js.pages.map((p) => p.gzip));
  return [
    PAGES_TITLE,
    "",
    `Run ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "?"}), load average (1 min) ${r.loadBefore.toFixed(2)} at the start, ` +
      `${r.loadAfter.toFixed(2)} at the end; bench/pages.ts, ` +
      (r.onlyRun ? "`BENCH_ONLY=pages npm run bench`" : "run by `npm run bench`") +
      `. The build: ${r.buildNote}. The database: ${r.dbNote}, ${r.facts.size}: ${counts}. ` +
      `The server: the compiled \`${r.serverFile}\` (plain node, NODE_ENV=production, one instance) on 127.0.0.1; Chromium ${CHROMIUM} headless at ${TABLET.width} × ${TABLET.height} (tests/e2e's tablet) on the same machine, so the browser, the server and Postgres share its cores.`,
    "",
    `Each page ${r.n} times per mode, timed from the start of \`page.goto\` to the first actionable element being visible (and enabled): ` +
      "**warm** — one signed-in tab navigating again and again (HTTP cache and service worker kept, as on a tablet in use; after two warm-ups); " +
      "**cold** — a new browser context per navigation (empty cache, no service worker, only the session cookie; after one warm-up). " +
      "TTFB and DOMContentLoaded are the navigation timing's (ms after the navigation started), medians.",
    "",
    `| page | signed in as | mode | first actionable element | p50 ms | p95 ms | max ms | TTFB p50 | DCL p50 | p95 < ${TARGET_MS / 1000} s |`,
    "|---|---|---|---|---:|---:|---:|---:|---:|---|",
    ...measured.map(
      ({ x, s }) =>
        `| ${x.target.name} \`${x.target.path}\` | ${x.target.who} | ${x.mode} | ${x.target.what} | ${x.error ? `ERROR: ${x.error}` : f(s.p50)} | ${f(s.p95)} | ${f(s.max)} | ${f(s.ttfb)} | ${f(s.dcl)} | ${x.error ? "–" : s.p95 < TARGET_MS ? "met" : "**missed**"} |`,
    ),
    "",
    `**Target p95 < 1 s: ${misses.length ? `missed in ${misses.length} of ${measured.length} rows` : "met"}** ` + (misses.length ? "(see above)." : "on both pages, warm and cold."),
    "",
    "Where the time goes (medians of the rows above; from a trace of the requests in the page, bench/pages.ts's notes): " +
      measured
        .filter(({ x }) => !x.error)
        .map(({ x, s }) => `${x.target.name}, ${x.target.who.replace(/ \(.*/, "")}, ${x.mode}: HTML ${f(s.ttfb)} ms, DOMContentLoaded ${f(s.dcl)} ms, element ${f(s.p50)} ms`)
        .join("; ") +
      ". After DOMContentLoaded the chain is: hydrate (the signed-in user comes in the page's props, so the shell renders at once; `GET /api/me` refreshes it in the background), then the page's reads " +
      "(operator: `/api/workorders?mine=1` open and done, `/api/notifications`; MO list: `/api/mos`, `/api/notifications`), then the render — " +
      "and every screen asks its reads a second time when the realtime socket first connects (`useRealtime`'s reconnect refetch), at the moment it renders. " +
      "What would close the gap to 1 s, largest first: (1) less JavaScript to parse before hydration (the shared chunks alone are " +
      `${kb(r.js.shared.raw)} kB decoded); ` +
      "(2) no second round of reads when the socket first connects, if the connection could replay the events since the first read (the outbox's position) instead; " +
      "(3) for an operator holding hundreds of open WOs, fewer cards at once (a page of the pending ones): each card is a full set of touch buttons, timers and hooks. " +
      "Done already: the shell's links no longer prefetch their pages while one loads (the dashboard's charts were among them), and the user comes in the page's props. " +
      "On this machine the browser, the server and Postgres share 2 cores: a tablet has its own CPU for the browser, the server its own for the rest.",
    "",
    "JavaScript of the first cold navigation (resource timing, the page left to settle afterwards; transferred = as the server compressed it, decoded = what the browser parsed). " +
      "What arrives before the element can include Next's prefetches of pages a visible link points to (the shell's own links do not prefetch, a WO card's link does), " +
      "so it can be more than the page's own first load in the table below; \"in all\" adds what came after.",
    "",
    "| page | signed in as | scripts before the element | kB transferred | kB decoded | scripts in all | kB transferred | kB decoded |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...r.runs
      .filter((x) => x.mode === "cold" && x.js)
      .map((x) => {
        const { before: b, all: a } = x.js!;
        return `| ${x.target.name} | ${x.target.who} | ${b.files} | ${kb(b.transfer)} | ${kb(b.decoded)} | ${a.files} | ${kb(a.transfer)} | ${kb(a.decoded)} |`;
      }),
    "",
    `### First-load JavaScript per page (gzipped)`,
    "",
    "Next 16's Turbopack `next build` prints no sizes any more, so they are computed from the build: for each page of " +
      "`build-manifest.json`, its chunks plus the root main files and `/_app`'s (polyfills left out: `nomodule`), each file once, " +
      `gzipped at level 9 with node:zlib. Shared by all pages: ${r.js.shared.files} files, ${kb(r.js.shared.gzip)} kB gzipped (${kb(r.js.shared.raw)} kB raw). ` +
      `Target: no page over ${JS_LIMIT_KB} kB gzipped — **${r.over.length ? `missed by ${r.over.length}: ${r.over.map((p) => p.route).join(", ")}` : `met (largest ${kb(largest)} kB)`}**.`,
    "",
    "| page | files | raw kB | gzipped kB | over 300 kB |",
    "|---|---:|---:|---:|---|",
    ...r.js.pages.map((p) => `| \`${p.route}\` | ${p.files} | ${kb(p.raw)} | ${kb(p.gzip)} | ${p.gzip / 1024 > JS_LIMIT_KB ? "**yes**" : "no"} |`),
    "",
  ].join("\n");
}
