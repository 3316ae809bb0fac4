// Dashboard KPIs, each computed by one SQL query over indexed columns (never by loading rows into JS).
// Timestamps are stored as UTC `timestamp`s (Prisma's DateTime); parameters are converted explicitly.
// Days ("today", "this week", the throughput buckets) begin in the period's zone, FACTORY_TIME_ZONE
// unless the request names one (lib/reports/schemas.ts). "Late" compares the deadline, an instant (the
// forms send the end of the chosen day), with now: the same answer in every zone.
import { can, type Actor } from "../auth/permissions";
import { prisma } from "../db/client";
import { durationsByOperation } from "./duration-rollup";
import type { Period } from "./schemas";

export interface Kpis {
  period: { from: string; to: string; tz: string };
  mosByState: Record<"PLANNED" | "IN_PROGRESS" | "DONE" | "CANCELED", number>;
  late: { count: number; items: { id: string; orderNo: string; name: string; deadline: string; state: string }[] };
  onTime: { completed: number; onTime: number; rate: number | null };
  workOrdersCompleted: { today: number; thisWeek: number };
  durationsByOperation: { title: string; completed: number; avgMinutes: number; p90Minutes: number }[];
  throughput: { day: string; mosCompleted: number; unitsProduced: number }[];
  inProgress: { id: string; orderNo: string; name: string; deadline: string | null; completedWOs: number; totalWOs: number }[];
  /** Null for roles without stock:read. */
  lowStock: { count: number; items: { productId: string; sku: string; name: string; uom: string; onHand: number; reorderPoint: number }[] } | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** All dashboard KPIs for a period (timestamps are stored in UTC; days begin in `tz`). */
export async function getKpis(period: Period, actor: Actor): Promise<Kpis> {
  const db = prisma();
  const { from, to, tz } = period;
  const [states, lateCount, lateItems, onTime, woDone, durations, throughput, inProgress, lowStock] = await Promise.all([
    db.$queryRaw<{ state: string; n: number }[]>`SELECT "state"::text AS state, COUNT(*)::int AS n FROM "ManufacturingOrder" GROUP BY "state"`,
    db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM "ManufacturingOrder"
      WHERE "state" IN ('PLANNED', 'IN_PROGRESS') AND "deadline" < (now() AT TIME ZONE 'UTC')`,
    db.$queryRaw<{ id: string; orderNo: string; name: string; deadline: Date; state: string }[]>`
      SELECT "id", "orderNo", "name", "deadline", "state"::text AS state FROM "ManufacturingOrder"
      WHERE "state" IN ('PLANNED', 'IN_PROGRESS') AND "deadline" < (now() AT TIME ZONE 'UTC')
      ORDER BY "deadline" ASC LIMIT 10`,
    db.$queryRaw<{ completed: number; on_time: number }[]>`
      SELECT COUNT(*)::int AS completed, (COUNT(*) FILTER (WHERE "completedAt" <= "deadline"))::int AS on_time
      FROM "ManufacturingOrder"
      WHERE "state" = 'DONE' AND "deadline" IS NOT NULL AND "completedAt" >= ${from}::timestamptz AT TIME ZONE 'UTC' AND "completedAt" < ${to}::timestamptz AT TIME ZONE 'UTC'`,
    db.$queryRaw<{ today: number; week: number }[]>`
      WITH b AS (
        SELECT (date_trunc('day', now() AT TIME ZONE ${tz}) AT TIME ZONE ${tz}) AT TIME ZONE 'UTC' AS day_start,
               (date_trunc('week', now() AT TIME ZONE ${tz}) AT TIME ZONE ${tz}) AT TIME ZONE 'UTC' AS week_start
      )
      SELECT (COUNT(*) FILTER (WHERE w."endTime" >= b.day_start))::int AS today, COUNT(*)::int AS week
      FROM "WorkOrder" w, b
      WHERE w."status" = 'COMPLETED' AND w."endTime" >= b.week_start`,
    // From the daily rollup and the index, never a sort of every WO of the period (duration-rollup.ts).
    durationsByOperation(db, from, to),
    db.$queryRaw<{ day: string; mos: number; units: number }[]>`
      WITH days AS (
        SELECT generate_series(
          date_trunc('day', (now() AT TIME ZONE ${tz})) - interval '29 days',
          date_trunc('day', (now() AT TIME ZONE ${tz})),
          interval '1 day') AS day
      ),
      done AS (
        SELECT date_trunc('day', ("completedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz}) AS day,
               COUNT(*)::int AS mos, COALESCE(SUM("producedQty"), 0)::float8 AS units
        FROM "ManufacturingOrder"
        WHERE "state" = 'DONE' AND "completedAt" >= (date_trunc('day', now() AT TIME ZONE ${tz}) - interval '30 days')
        GROUP BY 1
      )
      SELECT to_char(days.day, 'YYYY-MM-DD') AS day, COALESCE(done.mos, 0)::int AS mos, COALESCE(done.units, 0)::float8 AS units
      FROM days LEFT JOIN done ON done.day = days.day ORDER BY days.day`,
    db.$queryRaw<{ id: string; orderNo: string; name: string; deadline: Date | null; completed: number; total: number }[]>`
      SELECT m."id", m."orderNo", m."name", m."deadline", c.completed, c.total
      FROM (
        SELECT "id", "orderNo", "name", "deadline", "createdAt" FROM "ManufacturingOrder"
        WHERE "state" = 'IN_PROGRESS'
        ORDER BY "deadline" ASC NULLS LAST, "createdAt" ASC LIMIT 10
      ) m
      CROSS JOIN LATERAL (
        SELECT (COUNT(*) FILTER (WHERE w."status" = 'COMPLETED'))::int AS completed, COUNT(*)::int AS total
        FROM "WorkOrder" w WHERE w."moId" = m."id"
      ) c
      ORDER BY m."deadline" ASC NULLS LAST, m."createdAt" ASC`,
    can(actor, "stock:read")
      ? db.$queryRaw<{ productId: string; sku: string; name: string; uom: string; onHand: number; reorderPoint: number; total: number }[]>`
          SELECT p."id" AS "productId", p."sku", p."name", p."uom", l."onHand"::float8 AS "onHand", p."reorderPoint"::float8 AS "reorderPoint",
                 (COUNT(*) OVER ())::int AS total
          FROM "Product" p JOIN "StockLevel" l ON l."productId" = p."id"
          WHERE p."archivedAt" IS NULL AND p."reorderPoint" IS NOT NULL AND l."onHand" <= p."reorderPoint"
          ORDER BY (l."onHand" - p."reorderPoint") ASC, p."sku" LIMIT 20`
      : Promise.resolve(null),
  ]);

  const byState = { PLANNED: 0, IN_PROGRESS: 0, DONE: 0, CANCELED: 0 };
  for (const s of states) byState[s.state as keyof typeof byState] = s.n;
  const ot = onTime[0] ?? { completed: 0, on_time: 0 };
  return {
    period: { from: from.toISOString(), to: to.toISOString(), tz },
    mosByState: byState,
    late: { count: lateCount[0]?.n ?? 0, items: lateItems.map((m) => ({ ...m, deadline: iso(m.deadline)! })) },
    onTime: { completed: ot.completed, onTime: ot.on_time, rate: ot.completed ? ot.on_time / ot.completed : null },
    workOrdersCompleted: { today: woDone[0]?.today ?? 0, thisWeek: woDone[0]?.week ?? 0 },
    durationsByOperation: durations,
    throughput: throughput.map((t) => ({ day: t.day, mosCompleted: t.mos, unitsProduced: t.units })),
    inProgress: inProgress.map((m) => ({ id: m.id, orderNo: m.orderNo, name: m.name, deadline: iso(m.deadline), completedWOs: m.completed, totalWOs: m.total })),
    lowStock: lowStock ? { count: lowStock[0]?.total ?? 0, items: lowStock.map(({ total: _t, ...rest }) => rest) } : null,
  };
}
