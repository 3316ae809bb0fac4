// Migrations 20261211000000 (labour stored on DONE orders, docs/domain.md "Valuation") and 20261211010000
// (the work center on each time log) on a populated database: migrated up to the migration before them,
// filled with orders in several states and their time logs, then migrated the rest of the way. Every
// DONE order must get its closed logs' minutes and their cost at the work centers' rates (0 without
// logs); orders not DONE keep NULL, their labour is computed when asked; every log gets its work
// order's center; and the backfills write no events to the outbox.
import { migrate, readMigrations } from "@/lib/db/migrate";
import { createTestDb, type TestDb } from "../helpers/db";

const MINE = "20261211000000_mo_stored_labour";
const LOGS = "20261211010000_time_log_work_center";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ migrate: false });
});
afterAll(async () => {
  await t.drop();
});

async function run(fn: (c: Awaited<ReturnType<TestDb["handle"]["connect"]>>) => Promise<void>): Promise<void> {
  const c = await t.handle.connect();
  try {
    await fn(c);
  } finally {
    await c.release();
  }
}

const U = "33333333-3333-4333-8333-000000000001";
const P = "11111111-1111-4111-8111-000000000001";
const WC = "44444444-4444-4444-8444-000000000001";
const mo = (n: number) => `55555555-5555-4555-8555-00000000000${n}`;
const wo = (n: number) => `66666666-6666-4666-8666-00000000000${n}`;

// MO 1 DONE: 90 min at 30/h on WO 1 (two logs) + 30 min on WO 2 (no work center) → 120 min, 45.
// MO 2 DONE, no logs → 0, 0. MO 3 IN_PROGRESS with a closed and an open log → NULL. MO 4 PLANNED → NULL.
const FILL = `
  INSERT INTO "User" ("id", "name", "email", "role", "updatedAt") VALUES ('${U}', 'Op', 'op@example.com', 'OPERATOR', now());
  INSERT INTO "Product" ("id", "sku", "name", "isFinished", "updatedAt") VALUES ('${P}', 'FIN', 'Finished', true, now());
  INSERT INTO "WorkCenter" ("id", "name", "costPerHour", "updatedAt") VALUES ('${WC}', 'Welding', 30, now());
  INSERT INTO "ManufacturingOrder" ("id", "name", "productId", "quantity", "producedQty", "scrapQty", "state", "bomSnapshot", "createdById", "completedAt", "updatedAt") VALUES
    ('${mo(1)}', 'one', '${P}', 2, 2, 0, 'DONE', '[]', '${U}', now(), now()),
    ('${mo(2)}', 'two', '${P}', 1, 1, 0, 'DONE', '[]', '${U}', now(), now()),
    ('${mo(3)}', 'three', '${P}', 1, NULL, NULL, 'IN_PROGRESS', '[]', '${U}', NULL, now()),
    ('${mo(4)}', 'four', '${P}', 1, NULL, NULL, 'PLANNED', '[]', '${U}', NULL, now());
  INSERT INTO "WorkOrder" ("id", "moId", "sequence", "title", "workCenterId", "status", "updatedAt") VALUES
    ('${wo(1)}', '${mo(1)}', 1, 'Weld', '${WC}', 'COMPLETED', now()),
    ('${wo(2)}', '${mo(1)}', 2, 'Pack', NULL, 'COMPLETED', now()),
    ('${wo(3)}', '${mo(2)}', 1, 'Weld', '${WC}', 'COMPLETED', now()),
    ('${wo(4)}', '${mo(3)}', 1, 'Weld', '${WC}', 'STARTED', now());
  INSERT INTO "WorkOrderTimeLog" ("id", "workOrderId", "userId", "startedAt", "endedAt") VALUES
    (gen_random_uuid()::text, '${wo(1)}', '${U}', '2026-01-05 08:00', '2026-01-05 09:00'),
    (gen_random_uuid()::text, '${wo(1)}', '${U}', '2026-01-05 10:00', '2026-01-05 10:30'),
    (gen_random_uuid()::text, '${wo(2)}', '${U}', '2026-01-05 11:00', '2026-01-05 11:30'),
    (gen_random_uuid()::text, '${wo(4)}', '${U}', '2026-01-06 08:00', '2026-01-06 08:20'),
    (gen_random_uuid()::text, '${wo(4)}', '${U}', '2026-01-06 09:00', NULL);`;

test("DONE orders get their closed logs' minutes and cost at the work centers' rates, the others stay NULL; logs get their WO's center", async () => {
  const files = readMigrations();
  expect(files.some((f) => f.name === MINE)).toBe(true);
  await run(async (c) => {
    await migrate(c, files.filter((f) => f.name < MINE));
    await c.exec(FILL);
    const outbox = async () => (await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM "EventOutbox"`))[0]!.n;
    const before = await outbox();
    expect((await migrate(c, files)).applied).toEqual(expect.arrayContaining([MINE, LOGS]));
    // The backfill broadcasts nothing (the trigger was off), and the trigger is on again afterwards.
    expect(await outbox()).toBe(before);
    await c.exec(`UPDATE "ManufacturingOrder" SET "notes" = 'touched' WHERE "id" = '${mo(4)}'`);
    expect(Number(await outbox())).toBe(Number(before) + 1);
  });
  const rows = await t.handle.prisma.manufacturingOrder.findMany({ orderBy: { id: "asc" }, select: { name: true, laborMinutes: true, laborCost: true } });
  expect(rows.map((r) => [r.name, r.laborMinutes?.toNumber() ?? null, r.laborCost?.toNumber() ?? null])).toEqual([
    ["one", 120, 45],
    ["two", 0, 0],
    ["three", null, null],
    ["four", null, null],
  ]);
  const logs = await t.handle.prisma.workOrderTimeLog.findMany({ orderBy: [{ workOrderId: "asc" }, { startedAt: "asc" }], select: { workOrderId: true, workCenterId: true } });
  expect(logs.map((l) => [l.workOrderId, l.workCenterId])).toEqual([
    [wo(1), WC],
    [wo(1), WC],
    [wo(2), null],
    [wo(4), WC],
    [wo(4), WC],
  ]);
});
