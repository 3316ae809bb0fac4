// Manufacturing orders created in the period: state, product, quantities, dates, late flag and the
// customer fields. Late = open past its deadline, or completed after it (as the dashboard counts it).
import { Prisma } from "../../../db/generated/client";
import type { Column, ReportDoc, Row } from "../model";
import { and, inPeriod, keyset, type ReportContext } from "../sql";

const COLUMNS: Column[] = [
  { key: "orderNo", header: "Order", type: "text", width: 12 },
  { key: "name", header: "Name", type: "text", width: 24 },
  { key: "state", header: "State", type: "text", width: 12 },
  { key: "productSku", header: "SKU", type: "text", width: 12 },
  { key: "productName", header: "Product", type: "text", width: 22, pdf: false },
  { key: "quantity", header: "Quantity", type: "quantity", width: 10 },
  { key: "producedQty", header: "Produced", type: "quantity", width: 10 },
  { key: "deadline", header: "Deadline", type: "datetime", width: 17 },
  { key: "late", header: "Late", type: "bool", width: 6 },
  { key: "priority", header: "Priority", type: "text", width: 9 },
  { key: "customerName", header: "Customer", type: "text", width: 20 },
  { key: "customerRef", header: "Customer ref", type: "text", width: 14, pdf: false },
  { key: "promisedDate", header: "Promised", type: "datetime", width: 17 },
  { key: "createdAt", header: "Created", type: "datetime", width: 17 },
  { key: "startedAt", header: "Started", type: "datetime", width: 17, pdf: false },
  { key: "completedAt", header: "Completed", type: "datetime", width: 17 },
];

interface MoRow extends Row {
  id: string;
  orderNo: string;
  createdAt: Date;
}

/** The manufacturing orders report. */
export function mosReport(ctx: ReportContext): ReportDoc {
  const { q, db, now, filters } = ctx;
  const conds = [inPeriod(Prisma.sql`m."createdAt"`, q)];
  if (q.state && q.state !== "ALL") conds.push(Prisma.sql`m."state" = ${q.state}::"OrderState"`);
  if (q.productId) conds.push(Prisma.sql`m."productId" = ${q.productId}`);
  const where = and(conds);
  return {
    report: "mos",
    title: "Manufacturing orders",
    period: q.period,
    tz: q.period.tz,
    filters,
    generatedAt: now,
    notes: ["Orders created in the period. Late: open past the deadline, or completed after it."],
    sections: [
      {
        name: "Orders",
        title: "Manufacturing orders",
        columns: COLUMNS,
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
