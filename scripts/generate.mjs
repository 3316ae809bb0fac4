// Generates the Prisma client offline. `prisma generate` never runs the schema engine, but the CLI
// insists on the engine binary's existence and would try to download it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies that check (see docs/decisions/0001-offline-prisma-and-own-migration-runner.md).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schema = path.join(root, "prisma/schema.prisma");
const stamp = path.join(root, "lib/db/generated/.schema-hash");
const clientPkg = path.join(root, "node_modules/@prisma/client/package.json");
// Regenerate when the schema or the installed client changes.
const hash = createHash("sha256").update(readFileSync(schema)).update(readFileSync(clientPkg)).digest("hex");

if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash && !process.argv.includes("--force")) {
  process.exit(0); // up to date: keep `npm test` / `npm run dev` fast
}

const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", schema],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  },
);
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stamp, hash);
