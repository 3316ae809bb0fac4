// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // NEXT_DIST_DIR lets parallel builds (e.g. two browser-test runs) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native / WASM packages stay outside the bundles: they are loaded once, from node_modules, by
  // these bundles and by the compiled server (dist/server.mjs) alike; the database handle the server
  // makes is shared with the API routes through globalThis (docs/architecture.md, "The compiled server").
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pglite-prisma-adapter", "@electric-sql/pglite", "pg", "bcryptjs", "exceljs", "pdfkit"],
  typescript: { tsconfigPath: "tsconfig.json" },
};

module.exports = nextConfig;
