// The KPI durations by operation read whole past days from a daily rollup and find the p90 by an
// index walk (lib/reports/duration-rollup.ts). These tests hold the answer to the one the plain
// aggregate (COUNT, AVG, percentile_cont over every WO of the period) gives, over random data and
// periods, and after every kind of change to a completed WO of a rolled-up day.
import type { Kpis } from "@/lib/reports/kpis";
import { startTestApp, type TestApp } from "../helpers/app";

let app: TestApp;
const DAY = 24 * 3600 * 1000;
const now = Date.now();
const TITLES = ["Assemble", "Cut", "Weld"];
let moId = "";

/** A deterministic pseudo-random sequence (the failures must be reproducible). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The plain aggregate the rollup must equal. */
async function expected(from: Date, to: Date) {
  const rows = await app.db.handle.prisma.$queryRaw<{ title: string; completed: number; avg: number; p90: number }[]>`
    SELECT "title", COUNT(*)::int AS completed, AVG("durationMin")::float8 AS avg,
           (percentile_cont(0.9) WITHIN GROUP (ORDER BY "durationMin"))::float8 AS p90
    FROM "WorkOrder"
    WHERE "status" = 'COMPLETED' AND "durationMin" IS NOT NULL
      AND "endTime" >= ${from.toISOString()}::timestamptz AT TIME ZONE 'UTC' AND "endTime" < ${to.toISOString()}::timestamptz AT TIME ZONE 'UTC'
    GROUP BY "title" ORDER BY "title"`;
  return rows.map((r) => ({ title: r.title, completed: r.completed, avgMinutes: r.avg, p90Minutes: r.p90 }));
}

async function kpiDurations(from: Date, to: Date) {
  const q = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  const res = await (await app.as("MANAGER")).get<Kpis>(`/api/reports/kpis?${q}`);
  expect(res.status).toBe(200);
  return res.body.durationsByOperation;
}

/** Periods: whole past days, odd boundaries, ones ending today, one inside a single day, one in the future. */
function periods(): [Date, Date][] {
  const midnight = Math.floor(now / DAY) * DAY;
  return [
    [new Date(now - 30 * DAY), new Date(now)],
    [new Date(now - 70 * DAY), new Date(now)],
    [new Date(midnight - 20 * DAY), new Date(midnight - 5 * DAY)],
    [new Date(midnight - 20 * DAY + 3_723_000), new Date(midnight - 5 * DAY - 1)],
    [new Date(midnight - 3 * DAY + 1), new Date(midnight - 3 * DAY + 12 * 3600_000)],
    [new Date(midnight - DAY), new Date(now + 2 * DAY)],
    [new Date(midnight - 45 * DAY + 7 * 3600_000), new Date(midnight - DAY + 5 * 3600_000)],
  ];
}

async function expectAllPeriodsExact() {
  for (const [from, to] of periods()) {
    expect([from.toISOString(), to.toISOString(), await kpiDurations(from, to)]).toEqual([from.toISOString(), to.toISOString(), await expected(from, to)]);
  }
}

beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.handle.prisma;
  const manager = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
  const table = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
  const mo = await p.manufacturingOrder.create({
    data: { productId: table.id, createdById: manager.id, bomSnapshot: [], quantity: 1, name: "rollup history", state: "IN_PROGRESS" },
  });
  moId = mo.id;
  // 900 WOs over the last 60 days: durations with ties (whole minutes) and decimals, some completed
  // without worked minutes, some not completed.
  const rnd = lcg(16);
  const data = Array.from({ length: 900 }, (_, i) => {
    const r = rnd();
    const status = r < 0.85 ? ("COMPLETED" as const) : ("PENDING" as const);
    const durationMin = status === "COMPLETED" && rnd() < 0.95 ? (rnd() < 0.5 ? Math.floor(rnd() * 40) : Math.round(rnd() * 900_000) / 10_000) : undefined;
    return {
      moId,
      sequence: i + 1,
      title: TITLES[Math.floor(rnd() * TITLES.length)]!,
      status,
      durationMin,
      endTime: status === "COMPLETED" ? new Date(now - Math.floor(rnd() * 60 * DAY)) : undefined,
    };
  });
  await p.workOrder.createMany({ data });
});

afterAll(async () => {
  await app.close();
});

test("durations by operation equal the plain aggregate for every period, and past days come from the rollup", async () => {
  await expectAllPeriodsExact();
  const p = app.db.handle.prisma;
  // The rollup was used: the whole past days of the periods are rolled up, with their counts.
  const rolled = await p.woDurationRolled.count();
  expect(rolled).toBeGreaterThanOrEqual(60);
  const [sums] = await p.$queryRaw<{ inRollup: number; inTable: number }[]>`
    SELECT (SELECT COALESCE(sum("completed"), 0)::int FROM "WoDurationDay") AS "inRollup",
           (SELECT count(*)::int FROM "WorkOrder" w
            WHERE w."status" = 'COMPLETED' AND w."durationMin" IS NOT NULL
              AND w."endTime"::date IN (SELECT "day" FROM "WoDurationRolled")) AS "inTable"`;
  expect(sums!.inRollup).toBe(sums!.inTable);
  expect(sums!.inRollup).toBeGreaterThan(300);
});

test("a change to a completed WO of a rolled-up day is seen by the next request", async () => {
  const p = app.db.handle.prisma;
  await expectAllPeriodsExact();
  const pastDay = (d: number) => new Date(now - d * DAY);
  const onRolledDay = () =>
    p.workOrder.findFirstOrThrow({ where: { moId, status: "COMPLETED", durationMin: { not: null }, endTime: { lt: pastDay(10), gt: pastDay(25) } }, orderBy: { sequence: "asc" } });

  // Its worked minutes corrected (a large value moves the p90).
  const a = await onRolledDay();
  await p.workOrder.update({ where: { id: a.id }, data: { durationMin: 5000 } });
  await expectAllPeriodsExact();
  // Its title changed.
  const b = await onRolledDay();
  await p.workOrder.update({ where: { id: b.id }, data: { title: b.title === "Cut" ? "Weld" : "Cut" } });
  await expectAllPeriodsExact();
  // Reopened (no longer completed), and moved to another past day.
  const c = await onRolledDay();
  await p.workOrder.update({ where: { id: c.id }, data: { status: "STARTED" } });
  await expectAllPeriodsExact();
  const d = await onRolledDay();
  await p.workOrder.update({ where: { id: d.id }, data: { endTime: pastDay(40) } });
  await expectAllPeriodsExact();
  // Deleted, and a backdated completion inserted; a bulk update over many days.
  const e = await onRolledDay();
  await p.workOrder.delete({ where: { id: e.id } });
  await p.workOrder.create({ data: { moId, sequence: 5000, title: "Paint", status: "COMPLETED", durationMin: 12.5, endTime: pastDay(15) } });
  await expectAllPeriodsExact();
  await p.$executeRaw`UPDATE "WorkOrder" SET "durationMin" = "durationMin" + 1 WHERE "moId" = ${moId} AND "title" = 'Assemble' AND "status" = 'COMPLETED'`;
  await expectAllPeriodsExact();
  // Every mark was consumed by the refreshes.
  expect(await p.woDurationDirty.count()).toBe(0);
});

test("a completion today marks nothing, and concurrent first requests roll each day up once", async () => {
  const p = app.db.handle.prisma;
  const wo = await p.workOrder.findFirstOrThrow({ where: { moId, status: "PENDING" } });
  await p.workOrder.update({ where: { id: wo.id }, data: { status: "COMPLETED", endTime: new Date(), durationMin: 7 } });
  expect(await p.woDurationDirty.count()).toBe(0);

  // Forget the rollup, then ask from several clients at once: one rolls the days up, the others
  // wait for it and read the same answer (on Postgres these are parallel requests).
  await p.$executeRaw`DELETE FROM "WoDurationDay"`;
  await p.$executeRaw`DELETE FROM "WoDurationRolled"`;
  const from = new Date(now - 70 * DAY);
  const to = new Date(now);
  const answers = await Promise.all(Array.from({ length: 6 }, () => kpiDurations(from, to)));
  const want = await expected(from, to);
  for (const a of answers) expect(a).toEqual(want);
  const [dups] = await p.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT "day" FROM "WoDurationDay" GROUP BY "day", "title" HAVING count(*) > 1) x`;
  expect(dups!.n).toBe(0);
});

test("TRUNCATE of the work orders empties the rollup with them", async () => {
  const p = app.db.handle.prisma;
  expect(await p.woDurationRolled.count()).toBeGreaterThan(0);
  // In a transaction rolled back, so the suite's data stays for the ledger check at the end.
  await p
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`TRUNCATE "WorkOrder" CASCADE`);
      expect(await tx.woDurationRolled.count()).toBe(0);
      expect(await tx.woDurationDay.count()).toBe(0);
      throw new Error("rollback");
    })
    .catch((err: Error) => expect(err.message).toBe("rollback"));
  expect(await p.woDurationRolled.count()).toBeGreaterThan(0);
});
