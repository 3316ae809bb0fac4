// Start-up on a database without users says how to load the demo users instead of serving a sign-in
// page nobody can pass (here SEED_DEMO=false, as in production, where start-up never seeds).
import { initDatabase } from "@/lib/db/init";
import { createTestDb, type TestDb } from "../helpers/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.drop();
});

async function startLog(): Promise<string[]> {
  const lines: string[] = [];
  await initDatabase((m) => lines.push(m));
  return lines;
}

test("an empty database: the start-up log says to run `npm run db:seed`", async () => {
  const lines = await startLog();
  const hint = lines.find((l) => l.includes("npm run db:seed"));
  expect(hint).toMatch(/No users yet/);
  expect(hint).toContain(t.kind === "pglite" ? "Stop the server" : "same DATABASE_URL");
  expect(await t.handle.prisma.user.count()).toBe(0); // a hint, not a seed
});

test("a database with users: no hint", async () => {
  await t.handle.prisma.user.create({ data: { name: "Admin", email: "admin@example.com", role: "ADMIN", passwordHash: "not-a-real-hash" } });
  const lines = await startLog();
  expect(lines.some((l) => l.includes("db:seed"))).toBe(false);
});
