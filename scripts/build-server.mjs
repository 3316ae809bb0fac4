// `npm run build` (after `next build`): compiles server.ts and the lib/ code it imports into one ES
// module, dist/server.mjs, so `npm start` runs plain `node` with nothing transpiled at start-up.
// Packages stay external (loaded from node_modules at run time, the same copies Next's bundles load);
// only our own TypeScript is bundled. ES module output because the generated Prisma client uses
// import.meta.url. See docs/decisions/0006-compiled-server.md.
import { build } from "esbuild";
import { statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The esbuild options of the compiled server (also used by tests/integration/one-instance.test.ts). */
export const serverBuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: path.join(root, "tsconfig.json"),
  sourcemap: true,
  logLevel: "warning",
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --outfile lets parallel builds (the browser-test runner, per NEXT_DIST_DIR) keep apart; it must
  // stay inside the repository so that bare imports resolve to its node_modules.
  const arg = process.argv.find((a) => a.startsWith("--outfile="));
  const outfile = path.resolve(root, arg ? arg.slice("--outfile=".length) : "dist/server.mjs");
  const started = Date.now();
  await build({ ...serverBuildOptions, entryPoints: [path.join(root, "server.ts")], outfile });
  const kb = Math.round(statSync(outfile).size / 1024);
  console.log(`[build] server.ts → ${path.relative(root, outfile)} (${kb} kB) in ${Date.now() - started} ms`);
}
