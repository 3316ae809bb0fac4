import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { createDb, setDb, type DbHandle } from "@/lib/db/client";
import { migrate, readMigrations } from "@/lib/db/migrate";

export interface TestDb {
  handle: DbHandle;
  kind: "pglite" | "postgres";
  /** Connection string of the fresh Postgres database (postgres only). */
  url?: string;
  drop(): Promise<void>;
}

/** The Postgres server tests run against, when TEST_DATABASE_URL is set; otherwise PGlite in memory. */
export const testPostgresUrl = process.env.TEST_DATABASE_URL || undefined;

/** A connection string to a brand-new empty database on the TEST_DATABASE_URL server. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!testPostgresUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `mes_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: testPostgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh, migrated database installed as the process-wide one: PGlite in memory by default, a new
 * Postgres database (created here, dropped by `drop`) when TEST_DATABASE_URL is set.
 */
export async function createTestDb(opts: { migrate?: boolean; poolSize?: number } = {}): Promise<TestDb> {
  let testDb: TestDb;
  if (testPostgresUrl) {
    const pg = await createPostgresDatabase();
    const handle = createDb({ url: pg.url, poolSize: opts.poolSize ?? 20 });
    testDb = {
      handle,
      kind: "postgres",
      url: pg.url,
      drop: async () => {
        await handle.close();
        await pg.drop();
      },
    };
  } else {
    const handle = createDb({ pgliteDir: "memory://" });
    testDb = { handle, kind: "pglite", drop: () => handle.close() };
  }
  if (opts.migrate !== false) {
    const conn = await testDb.handle.connect();
    try {
      await migrate(conn, readMigrations());
    } finally {
      await conn.release();
    }
  }
  setDb(testDb.handle);
  return testDb;
}
