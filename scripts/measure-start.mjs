// Start-up time and memory of the production server, for docs/decisions/0006-compiled-server.md.
// Each run copies a seeded embedded database (so every run starts alike), starts the given command
// in its own process group, and measures: process start → the "> Ready on" line; the RSS of the
// whole process group (tsx runs the server in a child process) at Ready and after the first
// requests (the health API and the sign-in page); the CPU time the group used until Ready (steadier
// than wall-clock time on a busy machine). Usage:
//   node scripts/measure-start.mjs --db=<seeded PGLITE_DIR> [--runs=3] -- node dist/server.mjs
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const sep = args.indexOf("--");
const opt = (name, fallback) => args.slice(0, sep).find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const command = args.slice(sep + 1);
const runs = Number(opt("runs", "3"));
const seeded = opt("db");
if (sep < 0 || !command.length || !seeded) throw new Error("usage: measure-start.mjs --db=<seeded PGLITE_DIR> [--runs=3] -- <command…>");

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Resident memory (MB) and CPU time used so far (ms, user + system) of every process in the group. */
function groupUsage(pgid) {
  let kb = 0;
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue; // field 5 of stat: the process group
      ticks += Number(fields[11]) + Number(fields[12]); // fields 14 and 15: utime, stime
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return { rssMb: Math.round(kb / 1024), cpuMs: Math.round((ticks * 1000) / TICKS_PER_SECOND) };
}

async function once() {
  const tmp = mkdtempSync(path.join(tmpdir(), "mes-measure-"));
  const db = path.join(tmp, "pglite");
  cpSync(seeded, db, { recursive: true });
  const port = await freePort();
  const env = { ...process.env, NODE_ENV: "production", PGLITE_DIR: db, PORT: String(port), HOST: "127.0.0.1", NEXTAUTH_SECRET: "m".repeat(40) };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const ready = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes("> Ready on")) resolve(performance.now() - started);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (c) => (output += c));
    child.on("exit", (code) => reject(new Error(`exited (${code}) before Ready:\n${output}`)));
    setTimeout(() => reject(new Error(`no Ready line after 120 s:\n${output}`)), 120_000).unref();
  });
  const atReady = groupUsage(child.pid);
  for (const p of ["/api/health", "/signin"]) await (await fetch(`http://127.0.0.1:${port}${p}`)).arrayBuffer();
  const served = groupUsage(child.pid);
  process.kill(-child.pid, "SIGTERM");
  await new Promise((r) => child.once("exit", r));
  rmSync(tmp, { recursive: true, force: true });
  return { readyMs: Math.round(ready), cpuToReadyMs: atReady.cpuMs, rssReadyMb: atReady.rssMb, rssAfterRequestsMb: served.rssMb };
}

const results = [];
for (let i = 0; i < runs; i++) {
  results.push(await once());
  console.log(JSON.stringify(results.at(-1)));
}
const median = (k) => results.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
const keys = ["readyMs", "cpuToReadyMs", "rssReadyMb", "rssAfterRequestsMb"];
console.log(JSON.stringify({ command: command.join(" "), runs, median: Object.fromEntries(keys.map((k) => [k, median(k)])) }));
