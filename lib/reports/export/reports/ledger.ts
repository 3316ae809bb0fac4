// The stock ledger for a period, oldest first, with each entry's running balance (balanceAfter: the
// product's balance once the entry was posted). Streamed in batches over windows of the entry id, which
// is also the order of each product's balance chain: a year of ledger never sits in memory.
import { Prisma } from "../../../db/generated/client";
import type { Db } from "../../../db/client";
import { translator } from "../../../i18n/translator";
import { orderOfNote } from "../../../stock/order-note";
import type { Column, ReportDoc, Row } from "../model";
import { and, idWindows, inPeriod, type ReportContext } from "../sql";

type Words = ReturnType<typeof translator>;

/** The columns, headed in the reader's language. */
function columns(t: Words): Column[] {
  return [
    { key: "entryId", header: t("ledger.col.entryId"), type: "int", width: 9 },
    { key: "createdAt", header: t("ledger.col.createdAt"), type: "datetime", width: 17 },
    { key: "productSku", header: t("ledger.col.productSku"), type: "text", width: 12 },
    { key: "productName", header: t("ledger.col.productName"), type: "text", width: 24 },
    { key: "uom", header: t("ledger.col.uom"), type: "text", width: 6 },
    { key: "location", header: t("ledger.col.location"), type: "text", width: 10 },
    { key: "lot", header: t("ledger.col.lot"), type: "text", width: 14 },
    { key: "change", header: t("ledger.col.change"), type: "quantity", width: 11 },
    { key: "balanceAfter", header: t("ledger.col.balanceAfter"), type: "quantity", width: 13 },
    { key: "sourceType", header: t("ledger.col.sourceType"), type: "text", width: 16, values: "source" },
    { key: "sourceId", header: t("ledger.col.sourceId"), type: "text", width: 36 },
    { key: "note", header: t("ledger.col.note"), type: "text", width: 24 },
    { key: "user", header: t("ledger.col.user"), type: "text", width: 18 },
  ];
}

interface LedgerRow extends Row {
  /** The entry id as text: the exact keyset cursor (BigInt ids). */
  key: string;
}

/**
 * The entries matching the filters, in id windows (see idWindows). Each query first takes the window's
 * rows by id (and product or location), which only the primary key or the (productId, id) / (locationId, id) index can serve, so its
 * work stays bounded whatever the planner estimates; the period and source filters apply to those rows.
 */
async function* ledgerRows(db: Db, indexed: Prisma.Sql, rest: Prisma.Sql): AsyncGenerator<LedgerRow[]> {
  const [b] = await db.$queryRaw<{ lo: string | null; hi: string | null }[]>`
    SELECT MIN(e."id")::text AS lo, MAX(e."id")::text AS hi FROM "StockEntry" e WHERE ${indexed} AND ${rest}`;
  const bounds = b?.lo && b.hi ? { lo: BigInt(b.lo), hi: BigInt(b.hi) } : null;
  yield* idWindows(
    bounds,
    (after, upTo, limit) => db.$queryRaw<LedgerRow[]>`
      WITH w AS MATERIALIZED (
        SELECT e."id", e."createdAt", e."productId", e."locationId", e."lotId", e."change", e."balanceAfter", e."sourceType", e."sourceId", e."note", e."createdById"
        FROM "StockEntry" e
        WHERE ${indexed} AND e."id" > ${after.toString()}::bigint AND e."id" <= ${upTo.toString()}::bigint
      ),
      batch AS MATERIALIZED (
        SELECT * FROM w e WHERE ${rest} ORDER BY e."id" LIMIT ${limit}
      )
      SELECT b."id"::text AS "key", b."id"::float8 AS "entryId", b."createdAt", p."sku" AS "productSku", p."name" AS "productName", p."uom", loc."code" AS "location", l."code" AS "lot",
             b."change"::float8 AS "change", b."balanceAfter"::float8 AS "balanceAfter", b."sourceType"::text AS "sourceType",
             b."sourceId", b."note", u."name" AS "user"
      FROM batch b
      JOIN "Product" p ON p."id" = b."productId"
      JOIN "Location" loc ON loc."id" = b."locationId"
      LEFT JOIN "Lot" l ON l."id" = b."lotId"
      LEFT JOIN "User" u ON u."id" = b."createdById"
      ORDER BY b."id"`,
    (r) => BigInt(r.key),
  );
}

/** The notes the server wrote on MO postings, in the reader's language (other notes are people's words). */
async function* inReadersWords(batches: AsyncGenerator<LedgerRow[]>, t: Words): AsyncGenerator<LedgerRow[]> {
  for await (const rows of batches) {
    for (const r of rows) {
      const order = orderOfNote(String(r.sourceType), r.note as string | null);
      if (order) r.note = t(`ledger.orderNote.${String(r.sourceType)}`, { order });
    }
    yield rows;
  }
}

/** The stock ledger report (the service checks stock:read). */
export function ledgerReport(ctx: ReportContext): ReportDoc {
  const { q, db, now, filters, locale } = ctx;
  const t = translator(locale, "exports");
  // Product and location each have an (x, id) index that serves a window; the lot filters its rows.
  const indexed = and([...(q.productId ? [Prisma.sql`e."productId" = ${q.productId}`] : []), ...(q.locationId ? [Prisma.sql`e."locationId" = ${q.locationId}`] : [])]);
  const rest = and([
    inPeriod(Prisma.sql`e."createdAt"`, q),
    ...(q.sourceType ? [Prisma.sql`e."sourceType" = ${q.sourceType}::"StockSourceType"`] : []),
    ...(q.lotId ? [Prisma.sql`e."lotId" = ${q.lotId}`] : []),
  ]);
  return {
    report: "ledger",
    locale,
    title: t("ledger.title"),
    period: q.period,
    tz: q.period.tz,
    filters,
    generatedAt: now,
    notes: [t("ledger.note")],
    sections: [
      {
        name: t("ledger.sheet"),
        title: t("ledger.title"),
        columns: columns(t),
        count: async () => (await db.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM "StockEntry" e WHERE ${indexed} AND ${rest}`)[0]?.n ?? 0,
        rows: () => inReadersWords(ledgerRows(db, indexed, rest), t),
      },
    ],
  };
}
