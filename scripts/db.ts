// npm run db:migrate | db:seed | db:reset — on the embedded database or DATABASE_URL.
import { db } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/init";
import { demoCredentialsText, seedDemo } from "../lib/demo/seed";
import { env } from "../lib/env";
import { setupEnv } from "../lib/env-setup";

async function reset(): Promise<void> {
  const e = env();
  if (e.NODE_ENV === "production" && !process.argv.includes("--force")) {
    throw new Error("Refusing to reset a production database (pass --force if you really mean it).");
  }
  const conn = await db().connect();
  try {
    // Drops everything in the public schema, then the migrations recreate it.
    await conn.exec(`DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;`);
  } finally {
    await conn.release();
  }
  console.log("[db] schema dropped");
}

async function main(): Promise<void> {
  setupEnv(); // the dev secret and defaults, before anything reads env()
  const cmd = process.argv[2];
  const where = env().embedded ? `embedded PGlite (${env().PGLITE_DIR})` : "DATABASE_URL";
  console.log(`[db] ${cmd} on ${where}`);
  if (cmd === "reset") await reset();
  if (cmd === "migrate" || cmd === "reset" || cmd === "seed") {
    const r = await migrateDatabase((m) => console.log(`[db] ${m}`));
    console.log(`[db] migrations: ${r.applied.length} applied, ${r.alreadyApplied.length} already applied`);
  }
  if (cmd === "seed" || cmd === "reset") {
    const r = await seedDemo();
    console.log(r.created.length ? `[db] seeded: ${r.created.join(", ")}` : "[db] demo data already present: nothing to do");
    console.log(demoCredentialsText());
  }
  if (!["migrate", "seed", "reset"].includes(cmd ?? "")) throw new Error("usage: tsx scripts/db.ts migrate|seed|reset");
  await db().close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
