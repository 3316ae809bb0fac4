import { env } from "../env";
import { db } from "./client";
import { migrate, readMigrations, type MigrateResult } from "./migrate";
import { loadHistory } from "../demo/history";
import { demoCredentialsText, seedDemo } from "../demo/seed";

/** Applies migrations over a dedicated connection (advisory-locked), for server start and `npm run db:migrate`. */
export async function migrateDatabase(log: (m: string) => void = console.log): Promise<MigrateResult> {
  const conn = await db().connect();
  try {
    return await migrate(conn, readMigrations(), log);
  } finally {
    await conn.release();
  }
}

/** What to do about a database without users, where start-up does not load the demo data itself. */
export function noUsersHint(embedded: boolean): string {
  return embedded
    ? "No users yet, so nobody can sign in. Stop the server, run `npm run db:seed` (same PGLITE_DIR) to load the demo users, then start again; change their passwords before real use."
    : "No users yet, so nobody can sign in. Run `npm run db:seed` with the same DATABASE_URL to load the demo users (the server may keep running); change their passwords before real use.";
}

/**
 * Startup: migrate, then on the first start of an empty embedded database (never on Postgres or
 * in production) load the demo data and print how to sign in. Any other empty database gets a hint
 * instead of silence: `npm start` on a fresh embedded database would otherwise offer a sign-in page
 * that nobody can pass.
 */
export async function initDatabase(log: (m: string) => void = console.log): Promise<void> {
  await migrateDatabase(log);
  const e = env();
  if ((await db().prisma.user.count()) > 0) return;
  const embedded = db().kind === "pglite";
  if (!embedded || e.NODE_ENV === "production" || !e.SEED_DEMO) {
    log(noUsersHint(embedded));
    return;
  }
  log("Empty embedded database: loading the demo data.");
  await seedDemo();
  if (e.SEED_DEMO_HISTORY) {
    // A month of a small shop's work, so the dashboards, boards and reports show something real.
    const r = await loadHistory({ scale: "shop", months: 1, timeZone: e.FACTORY_TIME_ZONE });
    log(`Demo history: ${r.counts.ManufacturingOrder} manufacturing orders of the last month loaded in ${r.seconds.toFixed(1)} s (SEED_DEMO_HISTORY=false leaves it out).`);
  }
  log(demoCredentialsText());
}
