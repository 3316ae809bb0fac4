// GET /api/stock/counts/sheet: the count sheet of one location, to print or to fill in on a clipboard
// (docs/locations.md "Screens: transfers and counts"). One line per product and lot on hand there, with
// SKU, name, lot, expiry and unit, and an empty "counted" column. It is a blind sheet: the on-hand is
// not printed, so the counter writes what is on the shelf, not what the system expects. Written in the
// reader's language by the report writers (lib/reports/export: CSV, xlsx, PDF); everything that can
// refuse (a bad parameter, an unknown location, too many lines for a PDF) happens before a byte is sent.
import { prisma, type Db } from "../db/client";
import { env } from "../env";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { badRequest, notFound } from "../errors";
import { writeCsv } from "../reports/export/csv";
import { exportFilename } from "../reports/export/labels";
import type { Column, ReportDoc, Row } from "../reports/export/model";
import { PDF_MAX_ROWS, writePdf } from "../reports/export/pdf";
import { CONTENT_TYPES, type PreparedExport } from "../reports/export/service";
import { writeXlsx } from "../reports/export/xlsx";
import { countSheetQuery } from "../stock/schemas";

const BATCH = 500;

/** "yes" when a location's name only repeats its code ("Stock" for STOCK): it is then left out. */
function sameName(l: { code: string; name: string }): "yes" | "no" {
  return l.name.toLocaleLowerCase() === l.code.toLocaleLowerCase() ? "yes" : "no";
}

interface SheetRow extends Row {
  sku: string;
  name: string;
  lot: string | null;
  expiry: string | null;
  uom: string;
  counted: null;
}

/** The columns, headed in the reader's language; `counted` stays empty for the counter's pen. */
function columns(t: ReturnType<typeof translator>): Column[] {
  return [
    { key: "sku", header: t("sheet.col.sku"), type: "text", width: 14 },
    { key: "name", header: t("sheet.col.name"), type: "text", width: 34 },
    { key: "lot", header: t("sheet.col.lot"), type: "text", width: 16 },
    { key: "expiry", header: t("sheet.col.expiry"), type: "date", width: 12 },
    { key: "uom", header: t("sheet.col.uom"), type: "text", width: 7 },
    { key: "counted", header: t("sheet.col.counted"), type: "text", width: 18 },
  ];
}

/** Checks the request and prepares the sheet of one location (nothing written yet): 400 for bad parameters, 404 for an unknown location. */
export async function prepareCountSheet(query: unknown, opts: { db?: Db; now?: Date; locale?: Locale } = {}): Promise<PreparedExport> {
  const q = countSheetQuery.parse(query);
  const db = opts.db ?? prisma();
  // Machine CSV is the same English file for every reader, as for the report exports.
  const locale = q.format === "csv" && q.dialect === "rfc4180" ? DEFAULT_LOCALE : (opts.locale ?? DEFAULT_LOCALE);
  const t = translator(locale, "moves");
  const location = await db.location.findUnique({ where: { id: q.locationId }, select: { id: true, code: true, name: true } });
  if (!location) throw notFound("Location");
  const where = { locationId: location.id, onHand: { not: 0 } };
  const lines = await db.stockBalance.count({ where });
  if (q.format === "pdf" && lines > PDF_MAX_ROWS) {
    throw badRequest(`This location has ${lines} lines; a PDF holds at most ${PDF_MAX_ROWS}. Export it as xlsx or csv.`, { rows: lines, limit: PDF_MAX_ROWS, formats: ["xlsx", "csv"] });
  }
  // Read the first batch now, so that a failing query is still an ordinary error response.
  const read = (skip: number) =>
    db.stockBalance.findMany({
      where,
      select: { product: { select: { sku: true, name: true, uom: true } }, lot: { select: { code: true, expiresAt: true } } },
      orderBy: [{ product: { sku: "asc" } }, { lot: { code: "asc" } }, { id: "asc" }],
      skip,
      take: BATCH,
    });
  const first = await read(0);
  const toRow = (b: (typeof first)[number]): SheetRow => ({
    sku: b.product.sku,
    name: b.product.name,
    lot: b.lot?.code ?? null,
    // An expiry is a calendar day, stored as that day's UTC midnight.
    expiry: b.lot?.expiresAt ? b.lot.expiresAt.toISOString().slice(0, 10) : null,
    uom: b.product.uom,
    counted: null,
  });
  const title = t("sheet.title", { code: location.code });
  const doc: ReportDoc = {
    report: "countSheet",
    locale,
    title,
    period: null,
    tz: env().FACTORY_TIME_ZONE,
    filters: [t("sheet.location", { code: location.code, name: location.name, same: sameName(location) })],
    generatedAt: opts.now ?? new Date(),
    notes: [t("sheet.blind"), t("sheet.found")],
    sections: [
      {
        name: t("sheet.sheetName"),
        title,
        columns: columns(t),
        count: async () => lines,
        rows: async function* () {
          let batch = first;
          for (let skip = 0; batch.length; ) {
            yield batch.map(toRow);
            if (batch.length < BATCH) return;
            skip += BATCH;
            batch = await read(skip);
          }
        },
      },
    ],
  };
  const format = q.format;
  const stem = exportFilename(doc, format);
  // The location's code in the name ("count-sheet-STOCK_2026-12-06.pdf"), kept to safe characters.
  const filename = stem.replace(/_/, `-${location.code.replace(/[^A-Za-z0-9._-]/g, "-")}_`);
  const dialect = q.dialect ?? "excel";
  return {
    doc,
    format,
    filename,
    contentType: CONTENT_TYPES[format],
    write: (out) => (format === "csv" ? writeCsv(doc, out, dialect) : format === "xlsx" ? writeXlsx(doc, out) : writePdf(doc, out)),
  };
}
