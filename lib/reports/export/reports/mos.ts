// Manufacturing orders created in the period: state, product, quantities, dates, late flag and the
// customer fields. Late = open past its deadline, or completed after it (as the dashboard counts it).
import { Prisma } from "../../../db/generated/client";
import { translator } from "../../../i18n/translator";
import type { Column, ReportDoc, Row } from "../model";
import { and, inPeriod, keyset, type ReportContext } from "../sql";

type Words = ReturnType<typeof translator>;

/** The columns, headed in the reader's language. */
function columns(t: Words): Column[] {
  return [
    { key: "orderNo", header: t("mos.col.orderNo"), type: "text", width: 12 },
    { key: "name", header: t("mos.col.name"), type: "text", width: 24 },
    { key: "state", header: t("mos.col.state"), type: "text", width: 12, values: "state" },
    { key: "productSku", header: t("mos.col.productSku"), type: "text", width: 12 },
    { key: "productName", header: t("mos.col.productName"), type: "text", width: 22, pdf: false },
    { key: "quantity", header: t("mos.col.quantity"), type: "quantity", width: 10 },
    { key: "producedQty", header: t("mos.col.producedQty"), type: "quantity", width: 10 },
    { key: "deadline", header: t("mos.col.deadline"), type: "datetime", width: 17 },
    { key: "late", header: t("mos.col.late"), type: "bool", width: 6 },
    { key: "priority", header: t("mos.col.priority"), type: "text", width: 9, values: "priority" },
    { key: "customerName", header: t("mos.col.customerName"), type: "text", width: 20 },
    { key: "customerRef", header: t("mos.col.customerRef"), type: "text", width: 14, pdf: false },
    { key: "promisedDate", header: t("mos.col.promisedDate"), type: "datetime", width: 17 },
    { key: "createdAt", header: t("mos.col.createdAt"), type: "datetime", width: 17 },
    { key: "startedAt", header: t("mos.col.startedAt"), type: "datetime", width: 17, pdf: false },
    { key: "completedAt", header: t("mos.col.completedAt"), type: "datetime", width: 17 },
  ];
}

interface MoRow extends Row {
  id: string;
  orderNo: string;
  createdAt: Date;
}

/** The manufacturing orders report. */
export function mosReport(ctx: ReportContext): ReportDoc {
  const { q, db, now, filters, locale } = ctx;
  const t = translator(locale, "exports");
  const conds = [inPeriod(Prisma.sql`m."createdAt"`, q)];
  if (q.state && q.state !== "ALL") conds.push(Prisma.sql`m."state" = ${q.state}::"OrderState"`);
  if (q.productId) conds.push(Prisma.sql`m."productId" = ${q.productId}`);
  const where = and(conds);
  return {
    report: "mos",
    locale,
    title: t("mos.title"),
    period: q.period,
    tz: q.period.tz,
    filters,
    generatedAt: now,
    notes: [t("mos.note")],
    sections: [
      {
        name: t("mos.sheet"),
        title: t("mos.title"),
        columns: columns(t),
        count: async () => (await db.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM "ManufacturingOrder" m WHERE ${where}`)[0]?.n ?? 0,
        rows: () =>
          keyset<MoRow, [Date, string]>(
            (after, limit) => db.$queryRaw<MoRow[]>`
              SELECT m."id", m."orderNo", m."name", m."state"::text AS "state", p."sku" AS "productSku", p."name" AS "productName",
                     m."quantity"::float8 AS "quantity", m."producedQty"::float8 AS "producedQty", m."deadline",
                     (m."deadline" IS NOT NULL AND (
                        (m."state" IN ('PLANNED', 'IN_PROGRESS') AND m."deadline" < ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
                        OR (m."state" = 'DONE' AND m."completedAt" > m."deadline"))) AS "late",
                     m."priority"::text AS "priority", m."customerName", m."customerRef", m."promisedDate",
                     m."createdAt", m."startedAt", m."completedAt"
              FROM "ManufacturingOrder" m JOIN "Product" p ON p."id" = m."productId"
              WHERE ${where} ${after ? Prisma.sql`AND (m."createdAt", m."id") > (${after[0].toISOString()}::timestamptz AT TIME ZONE 'UTC', ${after[1]})` : Prisma.empty}
              ORDER BY m."createdAt", m."id"
              LIMIT ${limit}`,
            (r) => [r.createdAt, r.id],
          ),
      },
    ],
  };
}
