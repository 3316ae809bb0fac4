// Worked time per operator and per work center from the WO time logs. Only closed logs count (a log
// is one stretch of work: pauses are the gaps between logs, so they are excluded by construction),
// clipped to the period so a shift across its edge counts only its part inside. Labour cost =
// minutes / 60 × the cost per hour of the WO's work center (0 for WOs without one).
import { Prisma } from "../../../db/generated/client";
import { translator } from "../../../i18n/translator";
import type { Column, ReportDoc, Row, Section } from "../model";
import { and, Sum4, utc, type ReportContext } from "../sql";

type Words = ReturnType<typeof translator>;

/** The measures every table shows, headed in the reader's language. */
function totals(t: Words): Column[] {
  return [
    { key: "minutes", header: t("labor.col.minutes"), type: "minutes", width: 14 },
    { key: "hours", header: t("labor.col.hours"), type: "minutes", width: 10 },
    { key: "workOrders", header: t("labor.col.workOrders"), type: "int", width: 11 },
    { key: "laborCost", header: t("labor.col.laborCost"), type: "money", width: 13 },
  ];
}

function byOperator(t: Words): Column[] {
  return [
    { key: "name", header: t("labor.col.operator"), type: "text", width: 24 },
    { key: "email", header: t("labor.col.email"), type: "text", width: 26 },
    ...totals(t),
  ];
}

function byCenter(t: Words): Column[] {
  return [
    { key: "name", header: t("labor.col.workCenter"), type: "text", width: 24 },
    { key: "costPerHour", header: t("labor.col.costPerHour"), type: "money", width: 13 },
    ...totals(t),
  ];
}

interface Group extends Row {
  minutes: number;
  hours: number;
  workOrders: number;
  laborCost: number;
}

/** A section over a small, already aggregated result, with a totals row. */
function groupSection(name: string, title: string, columns: Column[], totalLabel: string, fetch: () => Promise<Group[]>): Section {
  const minutes = new Sum4();
  const cost = new Sum4();
  let rows: Group[] | undefined;
  const load = async () => (rows ??= await fetch());
  return {
    name,
    title,
    columns,
    count: async () => (await load()).length,
    async *rows() {
      const all = await load();
      for (const r of all) {
        minutes.add(r.minutes);
        cost.add(r.laborCost);
      }
      if (all.length) yield all;
    },
    totals: () => {
      const m = minutes.value ?? 0;
      return { name: totalLabel, minutes: m, hours: Math.round((m / 60) * 10_000) / 10_000, laborCost: cost.value ?? 0 };
    },
  };
}

/** The labour report: one table per operator, one per work center. */
export function laborReport(ctx: ReportContext): ReportDoc {
  const { q, db, now, filters, locale } = ctx;
  const t = translator(locale, "exports");
  const conds = [Prisma.sql`t."endedAt" IS NOT NULL`, Prisma.sql`t."endedAt" > ${utc(q.period.from)}`, Prisma.sql`t."startedAt" < ${utc(q.period.to)}`];
  if (q.operatorId) conds.push(Prisma.sql`t."userId" = ${q.operatorId}`);
  if (q.workCenterId) conds.push(Prisma.sql`t."workCenterId" = ${q.workCenterId}`);
  // One row per log: its minutes inside the period and the rate of its WO's work center (the log
  // carries that center, kept by triggers: no join with the work orders, docs/performance.md).
  const logs = Prisma.sql`
    WITH logs AS (
      SELECT t."userId", t."workCenterId", t."workOrderId" AS "woId",
             EXTRACT(EPOCH FROM (LEAST(t."endedAt", ${utc(q.period.to)}) - GREATEST(t."startedAt", ${utc(q.period.from)})))::numeric / 60 AS minutes,
             COALESCE(c."costPerHour", 0) AS rate
      FROM "WorkOrderTimeLog" t
      LEFT JOIN "WorkCenter" c ON c."id" = t."workCenterId"
      WHERE ${and(conds)}
    )`;
  // Both tables from one pass over the period's logs (GROUPING SETS): the logs are read and joined
  // with their work orders once, not once per table (docs/performance.md).
  interface Grouped {
    byOperator: boolean;
    name: string;
    email: string | null;
    costPerHour: number | null;
    minutes: number;
    hours: number;
    workOrders: number;
    laborCost: number;
  }
  let grouped: Promise<Grouped[]> | undefined;
  const load = () =>
    (grouped ??= db.$queryRaw<Grouped[]>`${logs},
      g AS (
        SELECT GROUPING(logs."userId") AS gu, logs."userId", logs."workCenterId",
               ROUND(SUM(logs.minutes), 4)::float8 AS "minutes", ROUND(SUM(logs.minutes) / 60, 4)::float8 AS "hours",
               COUNT(DISTINCT logs."woId")::int AS "workOrders", ROUND(SUM(logs.minutes * logs.rate / 60), 4)::float8 AS "laborCost"
        FROM logs
        GROUP BY GROUPING SETS ((logs."userId"), (logs."workCenterId"))
      )
      SELECT true AS "byOperator", u."name", u."email", NULL::float8 AS "costPerHour", g."minutes", g."hours", g."workOrders", g."laborCost",
             u."name" AS "sortName", u."id" AS "sortId"
      FROM g JOIN "User" u ON u."id" = g."userId" WHERE g.gu = 0
      UNION ALL
      SELECT false, COALESCE(c."name", ${t("labor.noCenter")}), NULL, c."costPerHour"::float8, g."minutes", g."hours", g."workOrders", g."laborCost",
             c."name", c."id"
      FROM g LEFT JOIN "WorkCenter" c ON c."id" = g."workCenterId" WHERE g.gu = 1
      ORDER BY "byOperator" DESC, "sortName" NULLS LAST, "sortId"`);
  const part = async (byOperator: boolean): Promise<Group[]> =>
    (await load())
      .filter((r) => r.byOperator === byOperator)
      .map(({ name, email, costPerHour, minutes, hours, workOrders, laborCost }): Group =>
        byOperator ? { name, email, minutes, hours, workOrders, laborCost } : { name, costPerHour, minutes, hours, workOrders, laborCost },
      );
  return {
    report: "labor",
    locale,
    title: t("labor.title"),
    period: q.period,
    tz: q.period.tz,
    filters,
    generatedAt: now,
    notes: [t("labor.note1"), t("labor.note2")],
    sections: [
      groupSection(t("labor.byOperator"), t("labor.byOperatorTitle"), byOperator(t), t("doc.total"), () => part(true)),
      groupSection(t("labor.byCenter"), t("labor.byCenterTitle"), byCenter(t), t("doc.total"), () => part(false)),
    ],
  };
}
