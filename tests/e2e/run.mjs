// `npm run test:e2e`: builds the app (Next, then the compiled server as `npm run build` does), seeds a
// fresh embedded database in a temporary folder, starts the production server (plain node, as
// `npm start` does) on a free port, runs the browser tests (tests/e2e/*.test.ts) against it and
// always stops the server again. Every step has a time limit; the exit status is the tests'.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const E2E_DIR = path.join(ROOT, "tests/e2e");
const ARTIFACTS = path.join(E2E_DIR, "artifacts");
const MINUTE = 60_000;
const LIMITS = { build: 10 * MINUTE, seed: 3 * MINUTE, start: 2 * MINUTE, tests: 30 * MINUTE };

const children = new Set();
const tmp = mkdtempSync(path.join(tmpdir(), "mes-e2e-"));
mkdirSync(ARTIFACTS, { recursive: true });

const log = (msg) => console.log(`[e2e] ${msg}`);

/** The environment of a child: ours plus `extra`; keys set to undefined are removed. */
function childEnv(extra) {
  const out = { ...process.env, ...extra };
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  return out;
}

/** Runs a command in its own process group (so the whole tree can be stopped) with a time limit. */
function run(cmd, args, { env = {}, timeoutMs, stdio = "inherit" } = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, env: childEnv(env), stdio, detached: true });
  children.add(child);
  const done = new Promise((resolve) => {
    const timer = setTimeout(() => {
      log(`${cmd} ${args.join(" ")}: no result after ${timeoutMs / 1000}s, stopping it`);
      stop(child);
      resolve({ code: 124, timedOut: true });
    }, timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code: code ?? (signal ? 128 : 1), timedOut: false });
    });
    child.on("error", (err) => {
      clearTimeout(timer);
      children.delete(child);
      log(`${cmd}: ${err.message}`);
      resolve({ code: 127, timedOut: false });
    });
  });
  return { child, done };
}

/** SIGTERM to the child's process group, SIGKILL if it is still there after 5 s. */
function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const kill = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  kill("SIGTERM");
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      kill("SIGKILL");
      resolve();
    }, 5000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

async function cleanup() {
  await Promise.all([...children].map(stop));
  rmSync(tmp, { recursive: true, force: true });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error("the server exited before it was ready");
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000}s`);
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function main() {
  const db = path.join(tmp, "pglite");
  // Always the throwaway embedded database, whatever the calling shell points at.
  // A production server needs a secret (lib/env.ts refuses to make one up); the seed gets the same one
  // so that it writes no development secret file either.
  const secret = randomBytes(32).toString("base64url");
  // The browser tests start from the bare demo seed (its users, Metal Table, MO-000001 with two WOs): no
  // generated history (lib/demo/history.ts), whose orders would crowd the lists and boards they read.
  const dbEnv = { PGLITE_DIR: db, DATABASE_URL: undefined, NEXTAUTH_URL: undefined, NEXTAUTH_SECRET: secret, SEED_DEMO_HISTORY: "false" };
  // One log per build folder: parallel runs (different NEXT_DIST_DIR) must not write into one file.
  const serverLog = path.join(ARTIFACTS, `server-${path.basename(process.env.NEXT_DIST_DIR || ".next")}.log`);

  log("service worker");
  const sw = await run("node", ["scripts/build-sw.mjs"], { timeoutMs: LIMITS.build }).done;
  if (sw.code !== 0) throw new Error(`building the service worker failed (exit ${sw.code})`);
  log("next build");
  const build = await run("npx", ["next", "build"], { env: { NODE_ENV: "production" }, timeoutMs: LIMITS.build }).done;
  if (build.code !== 0) throw new Error(`next build failed (exit ${build.code})`);
  // One compiled server per Next build folder, so parallel runs never overwrite each other's.
  const serverFile = `dist/server-${path.basename(process.env.NEXT_DIST_DIR || ".next")}.mjs`;
  log(`compiling server.ts to ${serverFile}`);
  const compile = await run("node", ["scripts/build-server.mjs", `--outfile=${serverFile}`], { timeoutMs: LIMITS.build }).done;
  if (compile.code !== 0) throw new Error(`compiling the server failed (exit ${compile.code})`);

  log(`seeding a fresh database in ${db}`);
  const seed = await run("npx", ["tsx", "scripts/db.ts", "seed"], { env: dbEnv, timeoutMs: LIMITS.seed }).done;
  if (seed.code !== 0) throw new Error(`seeding failed (exit ${seed.code})`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`starting the production server on ${baseUrl} (log: ${path.relative(ROOT, serverLog)})`);
  const out = createWriteStream(serverLog);
  const server = run("node", ["--enable-source-maps", serverFile], {
    env: { ...dbEnv, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" },
    timeoutMs: LIMITS.start + LIMITS.tests + MINUTE,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.child.stdout.pipe(out);
  server.child.stderr.pipe(out);
  try {
    await waitForHealth(`${baseUrl}/api/health`, server.child, LIMITS.start);
  } catch (err) {
    console.error(tail(serverLog));
    throw err;
  }

  // E2E_ONLY=a.test.ts,b.test.ts runs just those files (for working on a few screens in isolation).
  const only = (process.env.E2E_ONLY ?? "").split(",").map((f) => path.basename(f.trim())).filter(Boolean);
  const files = readdirSync(E2E_DIR)
    .filter((f) => f.endsWith(".test.ts") && (!only.length || only.includes(f)))
    .sort()
    .map((f) => path.join("tests/e2e", f));
  log(`running ${files.length} test files`);
  // One file at a time: the files share one server and one embedded database.
  const tests = await run("npx", ["tsx", "--test", "--test-concurrency=1", "--test-reporter=spec", ...files], { env: { E2E_BASE_URL: baseUrl }, timeoutMs: LIMITS.tests }).done;
  if (tests.code !== 0) log(`tests failed (exit ${tests.code}); server log tail:\n${tail(serverLog, 20)}`);
  return tests.code;
}

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.once(sig, () => {
    log(`${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

let status = 1;
try {
  status = await main();
} catch (err) {
  console.error(`[e2e] ${err instanceof Error ? err.message : err}`);
  status = 1;
} finally {
  await cleanup();
}
log(status === 0 ? "passed" : `failed (exit ${status})`);
process.exit(status);
