// MO costing. Per order: planned material cost (its BOM snapshot's qtyPerUnit × quantity × each
// material's current moving average), actual material cost (the value of its MO_CONSUMPTION ledger
// rows: each valued at the material's moving average when it was consumed, so a parent's cost holds
// what its child orders really cost, their output having entered stock at that cost), labour (its
// WOs' closed time logs × their work centers' cost per hour: stored on a DONE order at the rates of
// its completion, computed so far for the others), the total and the cost per unit
// produced (none when nothing was produced: the cost is a loss). The Total row sums money (and
// minutes) only: quantities and per-unit costs of different products do not add up. Each batch of
// orders is costed by one query (no query per order). lib/manufacturing/mo-cost.ts is the same
// figure for one order, used to value its output.
import { Prisma } from "../../../db/generated/client";
import { translator } from "../../../i18n/translator";
import type { Column, ReportDoc, Row } from "../model";
import { labourSql } from "../../../manufacturing/mo-cost";
import { and, inPeriod, keyset, Sum4, type ReportContext } from "../sql";

type Words = ReturnType<typeof translator>;

/** The columns, headed in the reader's language. */
function columns(t: Words): Column[] {
  return [
    { key: "orderNo", header: t("costs.col.orderNo"), type: "text", width: 12 },
    { key: "name", header: t("costs.col.name"), type: "text", width: 22 },
    { key: "state", header: t("costs.col.state"), type: "text", width: 11, values: "state" },
    { key: "productSku", header: t("costs.col.productSku"), type: "text", width: 12 },
    { key: "quantity", header: t("costs.col.quantity"), type: "quantity", width: 9 },
    { key: "producedQty", header: t("costs.col.producedQty"), type: "quantity", width: 9 },
    { key: "completedAt", header: t("costs.col.completedAt"), type: "datetime", width: 17 },
    { key: "plannedMaterialCost", header: t("costs.col.plannedMaterialCost"), type: "money", width: 15 },
    { key: "actualMaterialCost", header: t("costs.col.actualMaterialCost"), type: "money", width: 15 },
    { key: "materialVariance", header: t("costs.col.materialVariance"), type: "money", width: 15 },
    { key: "laborMinutes", header: t("costs.col.laborMinutes"), type: "minutes", width: 13 },
    { key: "laborCost", header: t("costs.col.laborCost"), type: "money", width: 13 },
    { key: "totalCost", header: t("costs.col.totalCost"), type: "money", width: 14 },
    { key: "costPerUnit", header: t("costs.col.costPerUnit"), type: "money", width: 13 },
  ];
}

interface CostRow extends Row {
  id: string;
  ref: Date;
  producedQty: number | null;
  plannedMaterialCost: number;
  actualMaterialCost: number;
  materialVariance: number;
  laborMinutes: number;
  laborCost: number;
  totalCost: number;
}

/** The MO costing report: DONE orders completed in the period by default; `state` picks another state or ALL. */
export function costsReport(ctx: ReportContext): ReportDoc {
  const { q, db, now, filters, locale } = ctx;
  const t = translator(locale, "exports");
  const state = q.state ?? "DONE";
  // The date an order belongs to the period by: its completion when DONE, its creation otherwise.
  // With one state asked for, the column itself (so the period filter and the order use an index:
  // ("state", "completedAt") or ("state", "createdAt"), docs/performance.md); only ALL needs the CASE.
  const ref =
    state === "DONE"
      ? Prisma.sql`m."completedAt"`
      : state === "ALL"
        ? Prisma.sql`(CASE WHEN m."state" = 'DONE' THEN m."completedAt" ELSE m."createdAt" END)`
        : Prisma.sql`m."createdAt"`;
  const conds = [inPeriod(ref, q)];
  if (state !== "ALL") conds.push(Prisma.sql`m."state" = ${state}::"OrderState"`);
  if (q.productId) conds.push(Prisma.sql`m."productId" = ${q.productId}`);
  const where = and(conds);
  const sums = {
    planned: new Sum4(),
    actual: new Sum4(),
    minutes: new Sum4(),
    labor: new Sum4(),
    total: new Sum4(),
  };
  return {
    report: "costs",
    locale,
    title: t("costs.title"),
    period: q.period,
    tz: q.period.tz,
    filters: q.state ? filters : [t("filter.doneInPeriod"), ...filters],
    generatedAt: now,
    notes: [t("costs.note1"), t("costs.note2"), t("costs.note3")],
    sections: [
      {
        name: t("costs.sheet"),
        title: t("costs.title"),
        columns: columns(t),
        count: async () => (await db.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM "ManufacturingOrder" m WHERE ${where}`)[0]?.n ?? 0,
        rows: () =>
          keyset<CostRow, [Date, string]>(
            async (after, limit) => {
              const rows = await db.$queryRaw<CostRow[]>`
                WITH mos AS (
                  SELECT m."id", m."orderNo", m."name", m."state", m."productId", m."quantity", m."producedQty", m."bomSnapshot",
                         m."completedAt", m."laborMinutes", m."laborCost", ${ref} AS ref
                  FROM "ManufacturingOrder" m
                  WHERE ${where} ${after ? Prisma.sql`AND (${ref}, m."id") > (${after[0].toISOString()}::timestamptz AT TIME ZONE 'UTC', ${after[1]})` : Prisma.empty}
                  ORDER BY ref, m."id"
                  LIMIT ${limit}
                ),
                planned AS (
                  SELECT mos."id", SUM((line->>'qtyPerUnit')::numeric * mos."quantity" * COALESCE(p."unitCost", 0)) AS cost
                  FROM mos CROSS JOIN LATERAL jsonb_array_elements(
                         CASE WHEN jsonb_typeof(mos."bomSnapshot") = 'array' THEN mos."bomSnapshot" ELSE '[]'::jsonb END) AS line
                  JOIN "Product" p ON p."id" = line->>'materialId'
                  GROUP BY mos."id"
                ),
                actual AS (
                  SELECT mos."id", -SUM(e."value") AS cost
                  FROM mos
                  JOIN "StockEntry" e ON e."sourceType" = 'MO_CONSUMPTION' AND e."sourceId" = mos."id"
                  GROUP BY mos."id"
                ),
                -- A DONE order's labour was stored when it finished (at the rates it was valued with);
                -- the others' is computed so far, per order through the WorkOrder(moId, …) index (as a
                -- join over all of "mos", Postgres hashed every work order: 344 k at a year of data).
                labor AS (
                  SELECT mos."id", COALESCE(mos."laborMinutes", l.minutes) AS minutes, COALESCE(mos."laborCost", l.cost) AS cost
                  FROM mos CROSS JOIN LATERAL (${labourSql(Prisma.sql`mos."id"`, Prisma.sql`mos."laborCost" IS NULL`)}) l
                ),
                costed AS (
                  SELECT mos."id", mos."orderNo", mos."name", mos."state", mos."quantity", mos."producedQty", mos."completedAt", mos.ref,
                         p."sku" AS "productSku",
                         ROUND(COALESCE(planned.cost, 0), 4) AS planned_cost, ROUND(COALESCE(actual.cost, 0), 4) AS actual_cost,
                         ROUND(COALESCE(labor.minutes, 0), 4) AS labor_minutes, ROUND(COALESCE(labor.cost, 0), 4) AS labor_cost
                  FROM mos
                  JOIN "Product" p ON p."id" = mos."productId"
                  LEFT JOIN planned ON planned."id" = mos."id"
                  LEFT JOIN actual ON actual."id" = mos."id"
                  LEFT JOIN labor ON labor."id" = mos."id"
                )
                SELECT "id", "ref", "orderNo", "name", "state"::text AS "state", "productSku",
                       "quantity"::float8 AS "quantity", "producedQty"::float8 AS "producedQty", "completedAt",
                       planned_cost::float8 AS "plannedMaterialCost", actual_cost::float8 AS "actualMaterialCost",
                       (actual_cost - planned_cost)::float8 AS "materialVariance",
                       labor_minutes::float8 AS "laborMinutes", labor_cost::float8 AS "laborCost",
                       (actual_cost + labor_cost)::float8 AS "totalCost",
                       CASE WHEN COALESCE("producedQty", 0) > 0 THEN ROUND((actual_cost + labor_cost) / "producedQty", 4)::float8 END AS "costPerUnit"
                FROM costed
                ORDER BY "ref", "id"`;
              for (const r of rows) {
                sums.planned.add(r.plannedMaterialCost);
                sums.actual.add(r.actualMaterialCost);
                sums.minutes.add(r.laborMinutes);
                sums.labor.add(r.laborCost);
                sums.total.add(r.totalCost);
              }
              return rows;
            },
            (r) => [r.ref, r.id],
          ),
        totals: () => {
          const planned = sums.planned.value ?? 0;
          const actual = sums.actual.value ?? 0;
          return {
            // Money only: no produced quantity or cost per unit across different products.
            orderNo: t("doc.total"),
            plannedMaterialCost: planned,
            actualMaterialCost: actual,
            materialVariance: Math.round((actual - planned) * 10_000) / 10_000,
            laborMinutes: sums.minutes.value ?? 0,
            laborCost: sums.labor.value ?? 0,
            totalCost: sums.total.value ?? 0,
          };
        },
      },
    ],
  };
}
