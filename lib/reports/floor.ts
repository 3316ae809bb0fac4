// Downtime and OEE per work center over a period (docs/domain.md "Shop floor"), one SQL query each,
// shared by GET /api/reports/oee (the reports page) and the downtime / OEE exports.
//
// - Run time: the WO time logs, each clipped to the period (an open log runs until now).
// - Downtime: the WO pauses (WorkOrderPause), clipped the same way; an open pause runs until now, or
//   until its MO was canceled or completed (a canceled order's paused WO is no longer waiting).
// - Planned minutes, good and scrap: the WOs COMPLETED in the period (endTime in [from, to)); a WO
//   completed without figures (before good/scrap existed) counts its MO quantity as good.
// - availability = run / (run + downtime); performance = planned / run, capped at 1 (a planned time
//   longer than the real one does not lift OEE); quality = good / (good + scrap); OEE = A × P × Q.
//   A ratio with nothing to divide by is null (and so is OEE then).
// Logs and pauses are found through their endedAt index (ended after `from`, or still open) and the
// completed WOs through (status, endTime), so a year of history is not read for a recent period.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { periodQuery, type Period } from "./schemas";

export interface FloorPeriod {
  from: Date;
  to: Date;
  /** "Now" for open logs and pauses. */
  now: Date;
  workCenterId?: string;
}

export interface OeeRow {
  workCenterId: string | null;
  /** Null for work orders without a work center. */
  name: string | null;
  runMin: number;
  downtimeMin: number;
  plannedMin: number;
  completed: number;
  goodQty: number;
  scrapQty: number;
  availability: number | null;
  performance: number | null;
  quality: number | null;
  oee: number | null;
}

export interface DowntimeRow {
  workCenterId: string | null;
  workCenter: string | null;
  reasonId: string;
  code: string;
  reason: string;
  pauses: number;
  minutes: number;
}

const ts = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** Minutes of [start, end) inside [from, to), never negative. */
const clipped = (start: Prisma.Sql, end: Prisma.Sql, p: FloorPeriod) =>
  Prisma.sql`GREATEST(0, EXTRACT(EPOCH FROM (LEAST(${end}, ${ts(p.to)}) - GREATEST(${start}, ${ts(p.from)}))))::numeric / 60`;

/** Where an open pause ends: now, or when its MO was closed. */
const pauseEnd = (p: FloorPeriod) => Prisma.sql`COALESCE(x."endedAt", LEAST(${ts(p.now)}, COALESCE(m."canceledAt", m."completedAt", ${ts(p.now)})))`;

const overlapping = (p: FloorPeriod) => Prisma.sql`(x."endedAt" IS NULL OR x."endedAt" > ${ts(p.from)}) AND x."startedAt" < ${ts(p.to)}`;
const centerFilter = (p: FloorPeriod) => (p.workCenterId ? Prisma.sql`AND w."workCenterId" = ${p.workCenterId}` : Prisma.empty);

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const round4 = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);

/** OEE per work center: every active work center (or the one asked for), plus any other with activity. */
export async function oeeByWorkCenter(db: Db, p: FloorPeriod): Promise<OeeRow[]> {
  const rows = await db.$queryRaw<Omit<OeeRow, "availability" | "performance" | "quality" | "oee">[]>`
    WITH runs AS (
      SELECT w."workCenterId" AS wc, SUM(${clipped(Prisma.sql`x."startedAt"`, Prisma.sql`COALESCE(x."endedAt", ${ts(p.now)})`, p)}) AS minutes
      FROM "WorkOrderTimeLog" x JOIN "WorkOrder" w ON w."id" = x."workOrderId"
      WHERE ${overlapping(p)} ${centerFilter(p)}
      GROUP BY 1
    ), downs AS (
      SELECT w."workCenterId" AS wc, SUM(${clipped(Prisma.sql`x."startedAt"`, pauseEnd(p), p)}) AS minutes
      FROM "WorkOrderPause" x JOIN "WorkOrder" w ON w."id" = x."workOrderId" JOIN "ManufacturingOrder" m ON m."id" = w."moId"
      WHERE ${overlapping(p)} ${centerFilter(p)}
      GROUP BY 1
    ), done AS (
      SELECT w."workCenterId" AS wc, COUNT(*)::int AS completed, SUM(COALESCE(w."plannedMin", 0)) AS planned,
             SUM(COALESCE(w."goodQty", m."quantity")) AS good, SUM(COALESCE(w."scrapQty", 0)) AS scrap
      FROM "WorkOrder" w JOIN "ManufacturingOrder" m ON m."id" = w."moId"
      WHERE w."status" = 'COMPLETED' AND w."endTime" >= ${ts(p.from)} AND w."endTime" < ${ts(p.to)} ${centerFilter(p)}
      GROUP BY 1
    ), keys AS (
      SELECT wc FROM runs UNION SELECT wc FROM downs UNION SELECT wc FROM done
      UNION SELECT c."id" FROM "WorkCenter" c WHERE ${p.workCenterId ? Prisma.sql`c."id" = ${p.workCenterId}` : Prisma.sql`c."active"`}
    )
    SELECT k.wc AS "workCenterId", c."name",
           ROUND(COALESCE(r.minutes, 0), 4)::float8 AS "runMin", ROUND(COALESCE(d.minutes, 0), 4)::float8 AS "downtimeMin",
           ROUND(COALESCE(o.planned, 0), 4)::float8 AS "plannedMin", COALESCE(o.completed, 0) AS "completed",
           COALESCE(o.good, 0)::float8 AS "goodQty", COALESCE(o.scrap, 0)::float8 AS "scrapQty"
    FROM keys k
    LEFT JOIN runs r ON r.wc IS NOT DISTINCT FROM k.wc
    LEFT JOIN downs d ON d.wc IS NOT DISTINCT FROM k.wc
    LEFT JOIN done o ON o.wc IS NOT DISTINCT FROM k.wc
    LEFT JOIN "WorkCenter" c ON c."id" = k.wc
    ORDER BY c."name" NULLS LAST`;
  return rows.map((r) => {
    const availability = ratio(r.runMin, r.runMin + r.downtimeMin);
    const rawPerformance = ratio(r.plannedMin, r.runMin);
    const performance = rawPerformance === null ? null : Math.min(1, rawPerformance);
    const quality = ratio(r.goodQty, r.goodQty + r.scrapQty);
    const oee = availability === null || performance === null || quality === null ? null : availability * performance * quality;
    return { ...r, availability: round4(availability), performance: round4(performance), quality: round4(quality), oee: round4(oee) };
  });
}

/** Downtime per work center and pause reason (only pairs with a pause in the period), work center then reason order. */
export async function downtimeByReason(db: Db, p: FloorPeriod): Promise<DowntimeRow[]> {
  return db.$queryRaw<DowntimeRow[]>`
    SELECT w."workCenterId", c."name" AS "workCenter", r."id" AS "reasonId", r."code", r."name" AS "reason",
           COUNT(*)::int AS "pauses", ROUND(SUM(${clipped(Prisma.sql`x."startedAt"`, pauseEnd(p), p)}), 4)::float8 AS "minutes"
    FROM "WorkOrderPause" x
    JOIN "WorkOrder" w ON w."id" = x."workOrderId"
    JOIN "ManufacturingOrder" m ON m."id" = w."moId"
    JOIN "PauseReason" r ON r."id" = x."reasonId"
    LEFT JOIN "WorkCenter" c ON c."id" = w."workCenterId"
    WHERE ${overlapping(p)} ${centerFilter(p)}
    GROUP BY w."workCenterId", c."name", r."id", r."code", r."name", r."sortOrder"
    ORDER BY c."name" NULLS LAST, w."workCenterId", r."sortOrder", r."name"`;
}

/** `?from=&to=&tz=` (the reports' period) and an optional `workCenterId`; a ZodError (400) otherwise. */
export function parseFloorQuery(query: Record<string, unknown>): { period: Period; workCenterId?: string } {
  const { workCenterId, ...rest } = query;
  return { period: periodQuery.parse(rest), workCenterId: z.uuid("must be a valid work center id").optional().parse(workCenterId) };
}

export interface FloorFigures {
  period: Period;
  items: OeeRow[];
  downtime: DowntimeRow[];
}

/** GET /api/reports/oee: OEE per work center and the downtime behind it, per reason. */
export async function getFloorFigures(db: Db, q: { period: Period; workCenterId?: string }, now = new Date()): Promise<FloorFigures> {
  const p: FloorPeriod = { from: q.period.from, to: q.period.to, now, workCenterId: q.workCenterId };
  const [items, downtime] = [await oeeByWorkCenter(db, p), await downtimeByReason(db, p)];
  return { period: q.period, items, downtime };
}
