import { createHash } from "node:crypto";
import { MigrationError, migrate, readMigrations, type MigrationFile } from "@/lib/db/migrate";
import { createTestDb, type TestDb } from "../helpers/db";

const file = (name: string, sql: string): MigrationFile => ({ name, sql, checksum: createHash("sha256").update(sql).digest("hex") });

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb({ migrate: false });
});
afterEach(async () => {
  await t.drop();
});

async function applied(): Promise<{ migration_name: string; checksum: string; finished_at: Date | null }[]> {
  const c = await t.handle.connect();
  try {
    return await c.query(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`);
  } finally {
    await c.release();
  }
}

async function run(files: MigrationFile[]) {
  const c = await t.handle.connect();
  try {
    return await migrate(c, files);
  } finally {
    await c.release();
  }
}

test("a fresh database gets every migration, recorded in _prisma_migrations with Prisma's sha256 checksum", async () => {
  const files = readMigrations();
  const r = await run(files);
  expect(r.applied).toEqual(files.map((f) => f.name));
  const rows = await applied();
  expect(rows.map((x) => [x.migration_name, x.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
  expect(rows.every((x) => x.finished_at !== null)).toBe(true);
  expect(await t.handle.prisma.user.count()).toBe(0); // the schema works through Prisma
});

test("running again is a no-op", async () => {
  const files = readMigrations();
  await run(files);
  const again = await run(files);
  expect(again).toEqual({ applied: [], alreadyApplied: files.map((f) => f.name) });
  expect(await applied()).toHaveLength(files.length);
});

test("an applied migration whose file was edited is refused, and nothing else is applied", async () => {
  await run([file("001_a", "CREATE TABLE a (id int)")]);
  const edited = [file("001_a", "CREATE TABLE a (id bigint)"), file("002_b", "CREATE TABLE b (id int)")];
  await expect(run(edited)).rejects.toThrow(MigrationError);
  await expect(run(edited)).rejects.toThrow(/001_a was edited after it was applied/);
  expect((await applied()).map((x) => x.migration_name)).toEqual(["001_a"]);
  const c = await t.handle.connect();
  try {
    expect(await c.query(`SELECT to_regclass('b') IS NULL AS missing`)).toEqual([{ missing: true }]);
  } finally {
    await c.release();
  }
});

test("a failing migration is rolled back whole and not recorded; later files are not applied", async () => {
  const files = [file("001_ok", "CREATE TABLE ok (id int)"), file("002_bad", "CREATE TABLE half (id int); SELECT no_such_function();"), file("003_later", "CREATE TABLE later (id int)")];
  await expect(run(files)).rejects.toThrow(/002_bad failed and was rolled back/);
  expect((await applied()).map((x) => x.migration_name)).toEqual(["001_ok"]);
  const c = await t.handle.connect();
  try {
    expect(await c.query(`SELECT to_regclass('half') IS NULL AS half, to_regclass('later') IS NULL AS later`)).toEqual([{ half: true, later: true }]);
  } finally {
    await c.release();
  }
});

test("a migration recorded in the database but missing from the folder is refused", async () => {
  await run([file("001_a", "CREATE TABLE a (id int)"), file("002_b", "CREATE TABLE b (id int)")]);
  await expect(run([file("001_a", "CREATE TABLE a (id int)")])).rejects.toThrow(/002_b is applied in the database but missing/);
});

test("new migrations apply in name order after the applied ones", async () => {
  await run([file("001_a", "CREATE TABLE a (id int)")]);
  const r = await run([file("001_a", "CREATE TABLE a (id int)"), file("002_b", "CREATE TABLE b (id int)"), file("003_c", "ALTER TABLE b ADD COLUMN x int")]);
  expect(r).toEqual({ applied: ["002_b", "003_c"], alreadyApplied: ["001_a"] });
});

test("several runners starting together (separate connections) apply each migration exactly once", async () => {
  const files = readMigrations();
  const results = await Promise.all([run(files), run(files), run(files), run(files)]);
  const appliedBy = results.map((r) => r.applied.length);
  expect(appliedBy.filter((n) => n === files.length)).toHaveLength(1);
  expect(appliedBy.filter((n) => n === 0)).toHaveLength(3);
  expect(await applied()).toHaveLength(files.length);
});
