// The benchmark's own Postgres database: created fresh, migrated and seeded, dropped at the end.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { createDb, setDb, type DbHandle } from "../lib/db/client";
import { migrate, readMigrations } from "../lib/db/migrate";
import { seedDemo } from "../lib/demo/seed";

export interface BenchDb {
  url: string;
  name: string;
  handle: DbHandle;
  serverVersion: string;
  drop(): Promise<void>;
}

/** Runs `fn` on a connection of its own to `serverUrl` (CREATE / DROP DATABASE and the like). */
export async function admin<T>(serverUrl: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates `mes_bench_<time>_<random>` on the server of `serverUrl`, migrates it and loads the demo data. */
export async function createBenchDb(serverUrl: string, poolSize: number): Promise<BenchDb> {
  const name = `mes_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const serverVersion = await admin(serverUrl, async (c) => {
    await c.query(`CREATE DATABASE "${name}"`);
    return String((await c.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "?");
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ url: url.toString(), poolSize });
  setDb(handle);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await handle.close().catch(() => undefined);
    await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };
  try {
    const conn = await handle.connect();
    try {
      await migrate(conn, readMigrations(), () => undefined);
    } finally {
      await conn.release();
    }
    await seedDemo();
  } catch (err) {
    await drop();
    throw err;
  }
  return { url: url.toString(), name, handle, serverVersion, drop };
}
