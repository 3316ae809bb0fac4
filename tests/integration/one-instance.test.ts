// In production two copies of lib/ run in one process: the compiled server (dist/server.mjs) and
// Next's bundles of the API routes. They must share one environment, one database handle and one
// realtime publisher (or API changes would use another pool, or never reach Socket.IO).
// scripts/check-one-instance.mjs builds two such copies with the compiled server's esbuild options
// and loads both in a plain node process (no jest module registry in between).
import { spawnSync } from "node:child_process";
import path from "node:path";

test("two separately bundled copies of lib/ share env, database handle and publisher", () => {
  const r = spawnSync(process.execPath, [path.resolve("scripts/check-one-instance.mjs")], { encoding: "utf8", timeout: 60_000 });
  const last = r.stdout.trim().split("\n").pop() ?? "";
  if (!last.startsWith("{")) throw new Error(`the check printed no report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  expect(JSON.parse(last)).toEqual({ separateCopies: true, sameEnv: true, sameDb: true, samePublisher: true });
  expect(r.status).toBe(0);
});
