import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SqlConn } from "./client";

/** Advisory lock key shared by every instance: "mes-migrate" as a 64-bit number. */
const LOCK_KEY = "7310298375321051";

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/** Raised when the database and the migration files disagree; the server refuses to start. */
export class MigrationError extends Error {}

/** Reads prisma/migrations/<name>/migration.sql in order, with Prisma's sha256 checksums. */
export function readMigrations(dir = path.resolve("prisma/migrations")): MigrationFile[] {
  if (!existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const buf = readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: buf.toString("utf8"), checksum: createHash("sha256").update(buf).digest("hex") };
    });
}

// The same table `prisma migrate deploy` keeps, so a deployment with the engine can take over.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations, each in its own transaction, under a session advisory lock so that
 * instances starting together apply each file once. Refuses to run when an applied file changed
 * or a previous attempt failed half-way.
 */
export async function migrate(conn: SqlConn, files = readMigrations(), log: (m: string) => void = () => {}): Promise<MigrateResult> {
  await conn.query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
  try {
    await conn.exec(CREATE_TABLE);
    const rows = await conn.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    const known = new Set(files.map((f) => f.name));
    for (const r of rows) {
      if (!r.finished_at) {
        throw new MigrationError(`Migration ${r.migration_name} started but never finished; repair the database before starting.`);
      }
      if (!known.has(r.migration_name)) {
        throw new MigrationError(`Migration ${r.migration_name} is applied in the database but missing from prisma/migrations.`);
      }
    }
    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    for (const file of files) {
      const row = applied.get(file.name);
      if (row) {
        if (row.checksum !== file.checksum) {
          throw new MigrationError(
            `Migration ${file.name} was edited after it was applied (checksum ${file.checksum.slice(0, 12)} ≠ ${row.checksum.slice(0, 12)}). Add a new migration instead of editing an applied one.`,
          );
        }
        result.alreadyApplied.push(file.name);
        continue;
      }
      log(`applying migration ${file.name}`);
      await conn.exec("BEGIN");
      try {
        await conn.exec(file.sql);
        await conn.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await conn.exec("COMMIT");
      } catch (err) {
        await conn.exec("ROLLBACK");
        throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(err as Error).message}`);
      }
      result.applied.push(file.name);
    }
    return result;
  } finally {
    await conn.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
  }
}
