// `npm run build` (before `next build`): bundles the tablet's service worker, scripts/sw/service-worker.mjs
// with Serwist's runtime, into public/sw.js (one classic script, minified). It names no build file:
// Next's hashed assets are kept as the tablet loads them, not from a precache list, so the output is
// the same for every Next build (parallel builds into other NEXT_DIST_DIRs share it safely; it is
// written to a temporary file and renamed, so a reader never sees half of it). Why not @serwist/next:
// it hooks webpack, and `next build` in Next 16 uses Turbopack (docs/domain.md "Offline tablet").
import { build } from "esbuild";
import { renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outfile = path.join(root, "public/sw.js");

const started = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: [path.join(root, "scripts/sw/service-worker.mjs")],
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  minify: true,
  write: false,
  legalComments: "none",
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
const tmp = `${outfile}.${process.pid}.tmp`;
writeFileSync(tmp, result.outputFiles[0].contents);
renameSync(tmp, outfile);
console.log(`[build] service worker → public/sw.js (${Math.round(statSync(outfile).size / 1024)} kB) in ${Date.now() - started} ms`);
