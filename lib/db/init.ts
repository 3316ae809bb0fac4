import { env } from "../env";
import { db } from "./client";
import { migrate, readMigrations, type MigrateResult } from "./migrate";
import { demoCredentialsText, seedDemo } from "./seed";

/** Applies migrations over a dedicated connection (advisory-locked), for server start and `npm run db:migrate`. */
export async function migrateDatabase(log: (m: string) => void = console.log): Promise<MigrateResult> {
  const conn = await db().connect();
  try {
    return await migrate(conn, readMigrations(), log);
  } finally {
    await conn.release();
  }
}

/**
 * Startup: migrate, then on the first start of an empty embedded database (never on Postgres or
 * in production) load the demo data and print how to sign in.
 */
export async function initDatabase(log: (m: string) => void = console.log): Promise<void> {
  await migrateDatabase(log);
  const e = env();
  if (db().kind !== "pglite" || e.NODE_ENV === "production" || !e.SEED_DEMO) return;
  if ((await db().prisma.user.count()) > 0) return;
  log("Empty embedded database: loading the demo data.");
  await seedDemo();
  log(demoCredentialsText());
}
