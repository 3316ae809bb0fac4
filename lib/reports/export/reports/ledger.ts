// The stock ledger for a period, oldest first, with each entry's running balance (balanceAfter: the
// product's balance once the entry was posted). Streamed in batches in entry id order, which is also the
// order of each product's balance chain: a year of ledger never sits in memory. On Postgres the batches
// come from one server-side cursor (lib/db/cursor.ts), on PGlite from queries over windows of the id.
import { Prisma } from "../../../db/generated/client";
import { handleOf, type Db } from "../../../db/client";
import type { CursorReader } from "../../../db/cursor";
import { translator } from "../../../i18n/translator";
import { orderOfNote } from "../../../stock/order-note";
import type { Column, ReportDoc, Row } from "../model";
import { and, BATCH_SIZE, idWindows, inPeriod, type ReportContext } from "../sql";

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

/** What an entry `e` shows by name: its product, location, lot and author (both ways of reading join the same). */
const LOOKUPS = Prisma.sql`
  JOIN "Product" p ON p."id" = e."productId"
  JOIN "Location" loc ON loc."id" = e."locationId"
  LEFT JOIN "Lot" l ON l."id" = e."lotId"
  LEFT JOIN "User" u ON u."id" = e."createdById"`;

/** The matching entries' first and last id, or null when none match. */
async function idBounds(db: Db, indexed: Prisma.Sql, rest: Prisma.Sql): Promise<{ lo: bigint; hi: bigint } | null> {
  const [b] = await db.$queryRaw<{ lo: string | null; hi: string | null }[]>`
    SELECT MIN(e."id")::text AS lo, MAX(e."id")::text AS hi FROM "StockEntry" e WHERE ${indexed} AND ${rest}`;
  return b?.lo && b.hi ? { lo: BigInt(b.lo), hi: BigInt(b.hi) } : null;
}

/**
 * The entries matching the filters, in id windows (see idWindows). Each query first takes the window's
 * rows by id (and product or location), which only the primary key or the (productId, id) / (locationId, id) index can serve, so its
 * work stays bounded whatever the planner estimates; the period and source filters apply to those rows.
 * PGlite's way (one connection: a cursor would hold it for the whole download).
 */
async function* windowRows(db: Db, indexed: Prisma.Sql, rest: Prisma.Sql, bounds?: { lo: bigint; hi: bigint }): AsyncGenerator<Row[]> {
  yield* idWindows(
    bounds ?? (await idBounds(db, indexed, rest)),
    (after, upTo, limit) => db.$queryRaw<LedgerRow[]>`
      WITH w AS MATERIALIZED (
        SELECT e."id", e."createdAt", e."productId", e."locationId", e."lotId", e."change", e."balanceAfter", e."sourceType", e."sourceId", e."note", e."createdById"
        FROM "StockEntry" e
        WHERE ${indexed} AND e."id" > ${after.toString()}::bigint AND e."id" <= ${upTo.toString()}::bigint
      ),
      batch AS MATERIALIZED (
        SELECT * FROM w e WHERE ${rest} ORDER BY e."id" LIMIT ${limit}
      )
      SELECT e."id"::text AS "key", e."id"::float8 AS "entryId", e."createdAt", p."sku" AS "productSku", p."name" AS "productName", p."uom", loc."code" AS "location", l."code" AS "lot",
             e."change"::float8 AS "change", e."balanceAfter"::float8 AS "balanceAfter", e."sourceType"::text AS "sourceType",
             e."sourceId", e."note", u."name" AS "user"
      FROM batch e ${LOOKUPS}
      ORDER BY e."id"`,
    (r) => BigInt(r.key),
  );
}

/** The cursor's select list, in the order `fromArray` reads it (the instant as epoch milliseconds: no date parsing). */
const CURSOR_KEYS = ["entryId", "createdAt", "productSku", "productName", "uom", "location", "lot", "change", "balanceAfter", "sourceType", "sourceId", "note", "user"] as const;

function fromArray(a: unknown[]): Row {
  const row: Row = {};
  for (let i = 0; i < CURSOR_KEYS.length; i++) row[CURSOR_KEYS[i]!] = a[i] as Row[string];
  row.createdAt = new Date(a[1] as number);
  return row;
}

/**
 * The same rows through one server-side cursor (Postgres, lib/db/cursor.ts): one statement planned once,
 * rows as arrays, one snapshot. The id range of the matching rows bounds the scan as the windows do, so
 * a recent period does not walk the years before it. With every stream connection taken by other
 * downloads, the id windows serve this one rather than making it wait for theirs to end.
 */
async function* cursorRows(db: Db, cursor: CursorReader, indexed: Prisma.Sql, rest: Prisma.Sql): AsyncGenerator<Row[]> {
  const bounds = await idBounds(db, indexed, rest);
  if (!bounds) return;
  if (cursor.busy()) {
    yield* windowRows(db, indexed, rest, bounds);
    return;
  }
  const sql = Prisma.sql`
    SELECT e."id"::float8, floor(EXTRACT(EPOCH FROM e."createdAt") * 1000)::float8, p."sku", p."name", p."uom", loc."code", l."code",
           e."change"::float8, e."balanceAfter"::float8, e."sourceType"::text, e."sourceId", e."note", u."name"
    FROM "StockEntry" e ${LOOKUPS}
    WHERE ${indexed} AND e."id" >= ${bounds.lo.toString()}::bigint AND e."id" <= ${bounds.hi.toString()}::bigint AND ${rest}
    ORDER BY e."id"`;
  // No await between busy() and here: the stream counts itself before anything else runs.
  for await (const batch of cursor.read(sql.text, sql.values, BATCH_SIZE)) yield batch.map(fromArray);
}

/** Stands for the order number while a note's message is formatted once per source type. */
const ORDER_MARK = "\u0000order\u0000";

/**
 * The notes the server wrote on MO postings, in the reader's language (other notes are people's words).
 * Each source type's message is formatted once, with a mark where the order number goes, and then
 * filled per row: formatting it per row (the message formatter's memoised lookups) took a sixth of a
 * million-row export's time.
 */
async function* inReadersWords(batches: AsyncGenerator<Row[]>, t: Words): AsyncGenerator<Row[]> {
  const templates = new Map<string, string[] | null>();
  const note = (sourceType: string, order: string): string => {
    let parts = templates.get(sourceType);
    if (parts === undefined) {
      const marked = t(`ledger.orderNote.${sourceType}`, { order: ORDER_MARK });
      parts = marked.includes(ORDER_MARK) ? marked.split(ORDER_MARK) : null;
      templates.set(sourceType, parts);
    }
    return parts ? parts.join(order) : t(`ledger.orderNote.${sourceType}`, { order });
  };
  for await (const rows of batches) {
    for (const r of rows) {
      const order = orderOfNote(String(r.sourceType), r.note as string | null);
      if (order) r.note = note(String(r.sourceType), order);
    }
    yield rows;
  }
}

/** The stock ledger report (the service checks stock:read). */
export function ledgerReport(ctx: ReportContext): ReportDoc {
  const { q, db, now, filters, locale } = ctx;
  const t = translator(locale, "exports");
  // Postgres streams the rows through a cursor; PGlite (or ctx.windows) reads them in id windows.
  const cursor = ctx.windows ? undefined : handleOf(db)?.cursor;
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
        rows: () => inReadersWords(cursor ? cursorRows(db, cursor, indexed, rest) : windowRows(db, indexed, rest), t),
      },
    ],
  };
}
