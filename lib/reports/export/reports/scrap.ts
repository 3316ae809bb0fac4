// Scrap in a period, oldest first, from where it is recorded: stock written off (SCRAP ledger
// entries, POST /api/stock/scrap), units work orders reported scrapped at completion (WorkOrder
// scrapQty), and scrap an MO was completed with beyond what its work orders reported (MO scrapQty −
// Σ WO scrapQty, when positive: a manual completion may name it). Each source is filtered on its own
// date column (entry createdAt, WO endTime, MO completedAt), each of them indexed, and read in
// keyset batches on (date, key): a year of scrap never sits in memory and no query scans past its
// period.
import { Prisma } from "../../../db/generated/client";
import { translator } from "../../../i18n/translator";
import type { Column, ReportDoc, Row } from "../model";
import { and, inPeriod, keyset, Sum4, type ReportContext } from "../sql";

type Words = ReturnType<typeof translator>;

/** Where a scrap row comes from (the `source` column's codes, in words in the reader's files). */
export const SCRAP_SOURCES = ["STOCK", "WORK_ORDER", "MO"] as const;

/** The columns, headed in the reader's language. */
function columns(t: Words): Column[] {
  return [
    { key: "date", header: t("scrap.col.date"), type: "datetime", width: 17 },
    { key: "productSku", header: t("scrap.col.productSku"), type: "text", width: 12 },
    { key: "productName", header: t("scrap.col.productName"), type: "text", width: 24 },
    { key: "quantity", header: t("scrap.col.quantity"), type: "quantity", width: 11 },
    { key: "uom", header: t("scrap.col.uom"), type: "text", width: 6 },
    { key: "reason", header: t("scrap.col.reason"), type: "text", width: 14, values: "scrapReason" },
    { key: "orderNo", header: t("scrap.col.orderNo"), type: "text", width: 12 },
    { key: "workOrder", header: t("scrap.col.workOrder"), type: "text", width: 12, pdf: false },
    { key: "source", header: t("scrap.col.source"), type: "text", width: 16, values: "scrapSource" },
    { key: "note", header: t("scrap.col.note"), type: "text", width: 24, pdf: false },
    { key: "unitCost", header: t("scrap.col.unitCost"), type: "money", width: 12 },
    { key: "value", header: t("scrap.col.value"), type: "money", width: 13 },
  ];
}

interface ScrapRow extends Row {
  /** The date as Postgres text (microseconds): the exact keyset cursor. */
  cursorAt: string;
  /** Unique per row and source: S + the zero-padded entry id, W + the WO id, M + the MO id. */
  key: string;
  value: number | null;
}

/** The three sources' WHERE clauses, each on its own indexed date column. */
function sources(ctx: ReportContext) {
  const { q } = ctx;
  const stock = [Prisma.sql`e."sourceType" = 'SCRAP'`, inPeriod(Prisma.sql`e."createdAt"`, q)];
  const wo = [Prisma.sql`w."status" = 'COMPLETED'`, inPeriod(Prisma.sql`w."endTime"`, q), Prisma.sql`w."scrapQty" > 0`];
  const mo = [Prisma.sql`m."state" = 'DONE'`, inPeriod(Prisma.sql`m."completedAt"`, q), Prisma.sql`m."scrapQty" > 0`];
  if (q.productId) {
    stock.push(Prisma.sql`e."productId" = ${q.productId}`);
    wo.push(Prisma.sql`m."productId" = ${q.productId}`);
    mo.push(Prisma.sql`m."productId" = ${q.productId}`);
  }
  if (q.reason) {
    stock.push(Prisma.sql`e."scrapReason" = ${q.reason}::"ScrapReason"`);
    wo.push(Prisma.sql`w."scrapReason" = ${q.reason}::"ScrapReason"`);
  }
  // The MO remainder has no reason of its own (the MO completion takes none): a reason filter leaves it out.
  return { stock, wo, mo: q.reason ? null : mo };
}

const KEY_S = Prisma.sql`('S' || lpad(e."id"::text, 20, '0')) COLLATE "C"`;
const KEY_W = Prisma.sql`('W' || w."id") COLLATE "C"`;
const KEY_M = Prisma.sql`('M' || m."id") COLLATE "C"`;
/** What the MO's work orders reported scrapped. */
const WO_SCRAP = Prisma.sql`(SELECT COALESCE(SUM(x."scrapQty"), 0) FROM "WorkOrder" x WHERE x."moId" = m."id")`;

/** The scrap report: stock scrap and production scrap, filtered by period and optionally product and reason. */
export function scrapReport(ctx: ReportContext): ReportDoc {
  const { db, now, filters, locale, q } = ctx;
  const t = translator(locale, "exports");
  const where = sources(ctx);
  const total = new Sum4();

  async function fetch(after: [string, string] | null, limit: number): Promise<ScrapRow[]> {
    // The plain `at >=` bound lets each source's date index start at the cursor; the row comparison breaks ties.
    const past = (at: Prisma.Sql, key: Prisma.Sql) =>
      after ? [Prisma.sql`${at} >= ${after[0]}::timestamp`, Prisma.sql`(${at}, ${key}) > (${after[0]}::timestamp, ${after[1]} COLLATE "C")`] : [];
    const stock = Prisma.sql`(
      SELECT e."createdAt" AS "at", ${KEY_S} AS "key", e."productId", -e."change" AS qty, e."scrapReason"::text AS reason,
             e."sourceId" AS "moId", NULL::text AS "woCode", e."note", 'STOCK' AS source
      FROM "StockEntry" e
      WHERE ${and([...where.stock, ...past(Prisma.sql`e."createdAt"`, KEY_S)])}
      ORDER BY "at", "key" LIMIT ${limit})`;
    const wo = Prisma.sql`(
      SELECT w."endTime" AS "at", ${KEY_W} AS "key", m."productId", w."scrapQty" AS qty, w."scrapReason"::text AS reason,
             m."id" AS "moId", w."code" AS "woCode", NULL::text AS "note", 'WORK_ORDER' AS source
      FROM "WorkOrder" w JOIN "ManufacturingOrder" m ON m."id" = w."moId"
      WHERE ${and([...where.wo, ...past(Prisma.sql`w."endTime"`, KEY_W)])}
      ORDER BY "at", "key" LIMIT ${limit})`;
    const mo = where.mo
      ? Prisma.sql`UNION ALL (
      SELECT m."completedAt" AS "at", ${KEY_M} AS "key", m."productId", m."scrapQty" - ${WO_SCRAP} AS qty, NULL::text AS reason,
             m."id" AS "moId", NULL::text AS "woCode", NULL::text AS "note", 'MO' AS source
      FROM "ManufacturingOrder" m
      WHERE ${and([...where.mo, Prisma.sql`m."scrapQty" > ${WO_SCRAP}`, ...past(Prisma.sql`m."completedAt"`, KEY_M)])}
      ORDER BY "at", "key" LIMIT ${limit})`
      : Prisma.empty;
    const rows = await db.$queryRaw<ScrapRow[]>`
      WITH s AS (${stock} UNION ALL ${wo} ${mo})
      SELECT s."at" AS "date", s."at"::text AS "cursorAt", s."key", p."sku" AS "productSku", p."name" AS "productName",
             s.qty::float8 AS "quantity", p."uom", s.reason AS "reason", o."orderNo", s."woCode" AS "workOrder", s.source AS "source", s."note",
             p."unitCost"::float8 AS "unitCost", ROUND(s.qty * p."unitCost", 4)::float8 AS "value"
      FROM s
      JOIN "Product" p ON p."id" = s."productId"
      LEFT JOIN "ManufacturingOrder" o ON o."id" = s."moId"
      ORDER BY s."at", s."key"
      LIMIT ${limit}`;
    for (const r of rows) total.add(r.value);
    return rows;
  }

  async function count(): Promise<number> {
    const [c] = await db.$queryRaw<{ n: number }[]>`
      SELECT ((SELECT COUNT(*) FROM "StockEntry" e WHERE ${and(where.stock)})
            + (SELECT COUNT(*) FROM "WorkOrder" w JOIN "ManufacturingOrder" m ON m."id" = w."moId" WHERE ${and(where.wo)})
            + ${where.mo ? Prisma.sql`(SELECT COUNT(*) FROM "ManufacturingOrder" m WHERE ${and([...where.mo, Prisma.sql`m."scrapQty" > ${WO_SCRAP}`])})` : Prisma.sql`0`})::int AS n`;
    return c?.n ?? 0;
  }

  return {
    report: "scrap",
    locale,
    title: t("scrap.title"),
    period: q.period,
    tz: q.period.tz,
    filters,
    generatedAt: now,
    notes: [t("scrap.note1"), t("scrap.note2")],
    sections: [
      {
        name: t("scrap.sheet"),
        title: t("scrap.title"),
        columns: columns(t),
        count,
        rows: () => keyset<ScrapRow, [string, string]>(fetch, (r) => [r.cursorAt, r.key]),
        // Quantities of different products do not add up: the total is money only.
        totals: () => ({ productSku: t("doc.total"), value: total.value ?? 0 }),
      },
    ],
  };
}
