// The KPI "durations by operation" (count, average and p90 of completed work orders' worked minutes
// per operation title, over a period) without reading every work order of a long period (issue 16):
//
// - Count and sum come from the daily rollup ("WoDurationDay", migration
//   20261210000000_kpi_duration_rollup) for the whole UTC days of the period that are at least a day
//   old, and from "WorkOrder" for the rest (the partial days at either end, yesterday and today).
// - The p90 is exact, the same figure as percentile_cont(0.9): with the count n known, it lies
//   between the ascending values at ranks floor(0.9·(n−1)) and ceil(0.9·(n−1)), which are the
//   (n−1−rank)-th from the top; the (status, title, durationMin, endTime) index gives them by a
//   backward index-only walk over about a tenth of that title's rows, never a sort.
//
// Days are rolled up lazily by the first request that needs them; a change to a completed work order
// of an earlier day marks its day stale (the triggers), and the next request rolls it up again before
// it reads. So the answer is always the one the raw query gives (tests/integration/kpi-rollup.test.ts).
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";

const DAY = 86_400_000;

export interface DurationByOperation {
  title: string;
  completed: number;
  avgMinutes: number;
  p90Minutes: number;
}

/** `YYYY-MM-DD` of a UTC midnight. */
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The part of `[from, to)` read from the rollup: whole UTC days inside it that ended at least a day
 * before `now` (so yesterday and today are always read from the work orders, and a completion that
 * commits just after midnight is never missed). Null when no such day.
 */
export function rolledRange(from: Date, to: Date, now: Date): { start: string; end: string } | null {
  const start = Math.ceil(from.getTime() / DAY) * DAY;
  const end = Math.min(Math.floor(to.getTime() / DAY) * DAY, Math.floor(now.getTime() / DAY) * DAY - DAY);
  return start < end ? { start: isoDay(start), end: isoDay(end) } : null;
}

/**
 * Brings the rollup up to date for the days `[start, end)`: stale days are forgotten (and rolled up
 * again when in the range), missing days rolled up. Reads only when nothing is to be done; the writes
 * run under a transaction-level advisory lock, so concurrent requests never roll a day up twice.
 */
export async function refreshDurationRollup(db: Db, range: { start: string; end: string }): Promise<void> {
  const days = (Date.parse(range.end) - Date.parse(range.start)) / DAY;
  const [state] = await db.$queryRaw<{ dirty: boolean; rolled: number }[]>`
    SELECT EXISTS (SELECT 1 FROM "WoDurationDirty") AS "dirty",
           (SELECT count(*)::int FROM "WoDurationRolled" WHERE "day" >= ${range.start}::date AND "day" < ${range.end}::date) AS "rolled"`;
  if (state && !state.dirty && state.rolled === days) return;
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mes:wo-duration-rollup'))`;
      // Stale days: their marks, rows and "rolled" entries go (a mark still uncommitted is not seen
      // and stays for the next refresh; one committed meanwhile is waited for: the trigger upserts).
      await tx.$executeRaw`
        WITH stale AS (DELETE FROM "WoDurationDirty" RETURNING "day"),
             unrolled AS (DELETE FROM "WoDurationRolled" WHERE "day" IN (SELECT "day" FROM stale))
        DELETE FROM "WoDurationDay" WHERE "day" IN (SELECT "day" FROM stale)`;
      // Each day of the range not rolled up (missing or just forgotten) is rolled up from the work orders.
      await tx.$executeRaw`
        WITH missing AS (
          SELECT g::date AS "day" FROM generate_series(${range.start}::date, ${range.end}::date - 1, interval '1 day') g
          WHERE NOT EXISTS (SELECT 1 FROM "WoDurationRolled" r WHERE r."day" = g::date)
        ), marked AS (
          INSERT INTO "WoDurationRolled" ("day") SELECT "day" FROM missing RETURNING "day"
        )
        INSERT INTO "WoDurationDay" ("day", "title", "completed", "sumMin")
        SELECT w."endTime"::date, w."title", count(*)::int, sum(w."durationMin")
        FROM "WorkOrder" w
        WHERE w."status" = 'COMPLETED' AND w."durationMin" IS NOT NULL
          AND w."endTime" >= ${range.start}::date AND w."endTime" < ${range.end}::date
          AND w."endTime"::date IN (SELECT "day" FROM marked)
        GROUP BY 1, 2`;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Count, average and p90 of worked minutes per operation title for WOs completed in `[from, to)`. */
export async function durationsByOperation(db: Db, from: Date, to: Date, now = new Date()): Promise<DurationByOperation[]> {
  const range = rolledRange(from, to, now);
  if (range) await refreshDurationRollup(db, range);
  const f = Prisma.sql`${from.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;
  const t = Prisma.sql`${to.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;
  const raw = range
    ? Prisma.sql`((w."endTime" >= ${f} AND w."endTime" < ${range.start}::date) OR (w."endTime" >= ${range.end}::date AND w."endTime" < ${t}))`
    : Prisma.sql`w."endTime" >= ${f} AND w."endTime" < ${t}`;
  const rolled = range
    ? Prisma.sql`UNION ALL SELECT "title", "completed"::bigint, "sumMin" FROM "WoDurationDay" WHERE "day" >= ${range.start}::date AND "day" < ${range.end}::date`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ title: string; completed: number; avg: number; p90: number }[]>`
    WITH counts AS (
      SELECT "title", sum("n")::bigint AS "n", sum("s") AS "s" FROM (
        SELECT w."title", count(*)::bigint AS "n", sum(w."durationMin") AS "s"
        FROM "WorkOrder" w
        WHERE w."status" = 'COMPLETED' AND w."durationMin" IS NOT NULL AND ${raw}
        GROUP BY w."title"
        ${rolled}
      ) x GROUP BY "title"
    ), pos AS (
      -- percentile_cont's own arithmetic (float8): the position 0.9·(n−1) between two ranks.
      SELECT "title", "n", "s", floor(0.9::float8 * ("n" - 1))::bigint AS "lo", ceil(0.9::float8 * ("n" - 1))::bigint AS "hi",
             0.9::float8 * ("n" - 1) - floor(0.9::float8 * ("n" - 1)) AS "frac"
      FROM counts WHERE "n" > 0
    )
    SELECT pos."title", pos."n"::int AS "completed", (pos."s" / pos."n")::float8 AS "avg",
           CASE WHEN pos."hi" = pos."lo" THEN v."vals"[1] ELSE v."vals"[2] + pos."frac" * (v."vals"[1] - v."vals"[2]) END AS "p90"
    FROM pos
    CROSS JOIN LATERAL (
      -- The values at ranks hi and lo (descending: [v_hi, v_lo], or [v_lo] when they are one).
      SELECT array_agg(d."v" ORDER BY d."v" DESC) AS "vals" FROM (
        SELECT w."durationMin"::float8 AS "v" FROM "WorkOrder" w
        WHERE w."status" = 'COMPLETED' AND w."title" = pos."title" AND w."durationMin" IS NOT NULL
          AND w."endTime" >= ${f} AND w."endTime" < ${t}
        ORDER BY w."durationMin" DESC
        OFFSET pos."n" - 1 - pos."hi" LIMIT pos."hi" - pos."lo" + 1
      ) d
    ) v
    ORDER BY pos."title"`;
  return rows.map((r) => ({ title: r.title, completed: r.completed, avgMinutes: r.avg, p90Minutes: r.p90 }));
}
