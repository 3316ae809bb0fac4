// Proves that two separately bundled copies of lib/ in one process share one environment, one
// database handle and one realtime publisher. That is the situation in production: dist/server.mjs
// (scripts/build-server.mjs) carries one copy of lib/, Next's bundles of the API routes another;
// the singletons live on globalThis, so whichever copy asks first creates them and the other finds
// them. Both copies here are built with the compiled server's own esbuild options.
// Usage: node scripts/check-one-instance.mjs  → prints a JSON report, exit 1 if anything is doubled.
import { build } from "esbuild";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serverBuildOptions } from "./build-server.mjs";

const root = serverBuildOptions.absWorkingDir;
// Inside the repository, so the bundles' bare imports resolve to its node_modules.
const out = path.join(root, "dist", `one-instance-${process.pid}`);
const entry = `
  export { env, EnvError } from "./lib/env";
  export { db } from "./lib/db/client";
  export { publish, setPublisher } from "./lib/realtime/events";
`;

process.env.NODE_ENV = "test";
process.env.PGLITE_DIR = "memory://";
process.env.NEXTAUTH_SECRET ??= "one-instance-check-secret-0123456789abcdef";
delete process.env.DATABASE_URL;

mkdirSync(out, { recursive: true });
try {
  const copies = [];
  for (const name of ["server", "next"]) {
    const outfile = path.join(out, `${name}.mjs`);
    await build({ ...serverBuildOptions, sourcemap: false, stdin: { contents: entry, resolveDir: root, loader: "ts" }, outfile });
    copies.push(await import(pathToFileURL(outfile).href));
  }
  const [a, b] = copies;
  const received = [];
  a.setPublisher((events) => void received.push(...events));
  await b.publish([{ name: "sessions:ended", payload: { sessionIds: ["s"] } }]); // (the outbox carries the rest)
  const handle = a.db();
  const report = {
    separateCopies: a.EnvError !== b.EnvError, // the modules really are two copies…
    sameEnv: a.env() === b.env(), // …yet they share one parsed environment,
    sameDb: handle === b.db() && handle.prisma === b.db().prisma, // one database handle / Prisma client,
    samePublisher: received.length === 1, // and the publisher one installed is the one the other calls.
  };
  await handle.close();
  console.log(JSON.stringify(report));
  process.exitCode = Object.values(report).every(Boolean) ? 0 : 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
