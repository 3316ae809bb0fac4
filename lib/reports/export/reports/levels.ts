// Stock levels now: on hand, reorder point, low flag, unit cost (the moving average) and value (the
// level's maintained value at moving average cost, = Σ of its ledger rows' values, ≈ on hand × unit
// cost; none for a product never valued), with a total value. Archived products are left out unless they still hold stock (it still has a value).
import { Prisma } from "../../../db/generated/client";
import { translator } from "../../../i18n/translator";
import type { Column, ReportDoc, Row } from "../model";
import { keyset, Sum4, type ReportContext } from "../sql";

type Words = ReturnType<typeof translator>;

/** The columns, headed in the reader's language. */
function columns(t: Words): Column[] {
  return [
    { key: "sku", header: t("levels.col.sku"), type: "text", width: 14 },
    { key: "name", header: t("levels.col.name"), type: "text", width: 30 },
    { key: "uom", header: t("levels.col.uom"), type: "text", width: 7 },
    { key: "onHand", header: t("levels.col.onHand"), type: "quantity", width: 12 },
    { key: "reorderPoint", header: t("levels.col.reorderPoint"), type: "quantity", width: 13 },
    { key: "low", header: t("levels.col.low"), type: "bool", width: 6 },
    { key: "unitCost", header: t("levels.col.unitCost"), type: "money", width: 12 },
    { key: "value", header: t("levels.col.value"), type: "money", width: 14 },
    { key: "archived", header: t("levels.col.archived"), type: "bool", width: 9 },
  ];
}

interface LevelRow extends Row {
  sku: string;
  value: number | null;
}

const WHERE = Prisma.sql`(p."archivedAt" IS NULL OR COALESCE(l."onHand", 0) <> 0)`;

/** The stock levels snapshot (the service checks stock:read). */
export function levelsReport(ctx: ReportContext): ReportDoc {
  const { q, db, now, filters, locale } = ctx;
  const t = translator(locale, "exports");
  const total = new Sum4();
  return {
    report: "levels",
    locale,
    title: t("levels.title"),
    period: null,
    tz: q.period.tz,
    filters,
    generatedAt: now,
    notes: [t("levels.note")],
    sections: [
      {
        name: t("levels.sheet"),
        title: t("levels.title"),
        columns: columns(t),
        count: async () =>
          (await db.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM "Product" p LEFT JOIN "StockLevel" l ON l."productId" = p."id" WHERE ${WHERE}`)[0]?.n ?? 0,
        rows: () =>
          keyset<LevelRow, string>(
            async (after, limit) => {
              const rows = await db.$queryRaw<LevelRow[]>`
                SELECT p."sku", p."name", p."uom", COALESCE(l."onHand", 0)::float8 AS "onHand", p."reorderPoint"::float8 AS "reorderPoint",
                       (p."reorderPoint" IS NOT NULL AND COALESCE(l."onHand", 0) <= p."reorderPoint") AS "low",
                       p."unitCost"::float8 AS "unitCost", (CASE WHEN p."unitCost" IS NULL AND COALESCE(l."value", 0) = 0 THEN NULL ELSE COALESCE(l."value", 0) END)::float8 AS "value",
                       (p."archivedAt" IS NOT NULL) AS "archived"
                FROM "Product" p LEFT JOIN "StockLevel" l ON l."productId" = p."id"
                WHERE ${WHERE} ${after !== null ? Prisma.sql`AND p."sku" > ${after}` : Prisma.empty}
                ORDER BY p."sku"
                LIMIT ${limit}`;
              for (const r of rows) total.add(r.value);
              return rows;
            },
            (r) => r.sku,
          ),
        totals: () => ({ sku: t("doc.total"), value: total.value ?? 0 }),
      },
    ],
  };
}
