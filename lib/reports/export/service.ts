// GET /api/reports/export: everything that can refuse the request (validation, permission, a PDF
// that would be too long, unknown filter ids) happens in prepareExport, before a byte is written,
// so those are ordinary JSON errors; so does each table's first query (a failing query, or a
// database that is away, is a 4xx/503 and not a 200 cut short). exportReport then streams the file.
import type { ServerResponse } from "node:http";
import type { Writable } from "node:stream";
import { can, type Actor } from "../../auth/permissions";
import { DEFAULT_LOCALE, type Locale } from "../../i18n/config";
import { translator } from "../../i18n/translator";
import { prisma, type Db } from "../../db/client";
import { badRequest, forbidden } from "../../errors";
import { writeCsv } from "./csv";
import { exportFilename } from "./labels";
import type { ExportFormat, ReportDoc, ReportName, Row, Section } from "./model";
import { PDF_MAX_ROWS, writePdf, type PdfDrawer } from "./pdf";
import { costsReport } from "./reports/costs";
import { downtimeReport } from "./reports/downtime";
import { kpisReport } from "./reports/kpis";
import { laborReport } from "./reports/labor";
import { ledgerReport } from "./reports/ledger";
import { levelsReport } from "./reports/levels";
import { mosReport } from "./reports/mos";
import { oeeReport } from "./reports/oee";
import { scrapReport } from "./reports/scrap";
import { parseExportQuery, type ExportQuery } from "./schemas";
import { ClientGone } from "./sink";
import type { ReportContext } from "./sql";
import { valueText } from "./words";
import { writeXlsx } from "./xlsx";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8; header=present",
};

/** Reports that show stock also need stock:read (SALES has reports:read but not stock:read). */
const NEEDS_STOCK_READ: ReadonlySet<ReportName> = new Set(["ledger", "levels", "scrap"]);

const BUILDERS: Record<ReportName, (ctx: ReportContext) => ReportDoc | Promise<ReportDoc | { doc: ReportDoc; pdf: PdfDrawer }>> = {
  mos: mosReport,
  ledger: ledgerReport,
  levels: levelsReport,
  kpis: kpisReport,
  labor: laborReport,
  costs: costsReport,
  downtime: downtimeReport,
  oee: oeeReport,
  scrap: scrapReport,
};

/** An export that passed every check: its name, type, and the function that writes it. */
export interface PreparedExport {
  doc: ReportDoc;
  format: ExportFormat;
  filename: string;
  contentType: string;
  /** Streams the file into `out` and ends it. */
  write(out: Writable): Promise<void>;
}

/**
 * The section with its first batch of rows already read: the first query runs (and fails) before
 * the response starts; the rows are then replayed, and the rest read as before, batch by batch.
 */
async function primed(section: Section): Promise<Section & { close(): Promise<void> }> {
  const it = section.rows()[Symbol.asyncIterator]();
  const first = await it.next();
  let used = false;
  return {
    ...section,
    rows() {
      if (used) throw new Error(`The rows of ${section.name} are read once.`);
      used = true;
      return (async function* (): AsyncGenerator<Row[]> {
        // A writer that stops early (the client left) ends this generator; the source must end too,
        // so that a cursor gives its connection back (lib/db/cursor.ts).
        try {
          if (first.done) return;
          yield first.value;
          for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
        } finally {
          await it.return?.();
        }
      })();
    },
    /** Ends the source whether or not its rows were read (a file that failed before reaching them). */
    async close() {
      await it.return?.();
    },
  };
}

/** The filters in the reader's words; an id that names nothing is a 400 (a typo must not yield an empty file). */
async function describeFilters(db: Db, q: ExportQuery, locale: Locale): Promise<string[]> {
  const t = translator(locale, "exports");
  const [product, location, lot, operator, center] = await Promise.all([
    q.productId ? db.product.findUnique({ where: { id: q.productId }, select: { sku: true, name: true } }) : null,
    q.locationId ? db.location.findUnique({ where: { id: q.locationId }, select: { code: true, name: true } }) : null,
    q.lotId ? db.lot.findUnique({ where: { id: q.lotId }, select: { code: true, product: { select: { sku: true } } } }) : null,
    q.operatorId ? db.user.findUnique({ where: { id: q.operatorId }, select: { name: true, email: true } }) : null,
    q.workCenterId ? db.workCenter.findUnique({ where: { id: q.workCenterId }, select: { name: true } }) : null,
  ]);
  const missing = [
    ...(q.productId && !product ? [{ path: "productId", message: "no such product" }] : []),
    ...(q.locationId && !location ? [{ path: "locationId", message: "no such location" }] : []),
    ...(q.lotId && !lot ? [{ path: "lotId", message: "no such lot" }] : []),
    ...(q.operatorId && !operator ? [{ path: "operatorId", message: "no such user" }] : []),
    ...(q.workCenterId && !center ? [{ path: "workCenterId", message: "no such work center" }] : []),
  ];
  if (missing.length) throw badRequest(missing.map((m) => `${m.path}: ${m.message}`).join("; "), missing);
  return [
    ...(q.state ? [t("filter.state", { value: valueText(q.state, "state", locale) })] : []),
    ...(product ? [t("filter.product", { sku: product.sku, name: product.name })] : []),
    ...(location ? [t("filter.location", { code: location.code, name: location.name })] : []),
    ...(lot ? [t("filter.lot", { code: lot.code, sku: lot.product.sku })] : []),
    ...(q.sourceType ? [t("filter.source", { value: valueText(q.sourceType, "source", locale) })] : []),
    ...(q.reason ? [t("filter.reason", { value: valueText(q.reason, "scrapReason", locale) })] : []),
    ...(operator ? [t("filter.operator", { who: `${operator.name} <${operator.email}>` })] : []),
    ...(center ? [t("filter.workCenter", { name: center.name })] : []),
  ];
}

/**
 * Validates an export request and prepares the file without writing anything: 400 for bad
 * parameters or a PDF over PDF_MAX_ROWS rows, 403 for stock reports without stock:read. The file is
 * written in `opts.locale` (the reader's language; English by default), except machine CSV
 * (dialect=rfc4180), which is the same English file for every reader.
 */
export async function prepareExport(query: unknown, actor: Actor, opts: { db?: Db; now?: Date; locale?: Locale; windows?: boolean } = {}): Promise<PreparedExport> {
  const q = parseExportQuery(query);
  const locale = q.format === "csv" && q.dialect === "rfc4180" ? DEFAULT_LOCALE : (opts.locale ?? DEFAULT_LOCALE);
  if (NEEDS_STOCK_READ.has(q.report) && !can(actor, "stock:read")) {
    throw forbidden("The stock ledger, stock levels and scrap reports need the stock:read permission.");
  }
  const db = opts.db ?? prisma();
  const filters = await describeFilters(db, q, locale);
  const built = await BUILDERS[q.report]({ q, actor, db, now: opts.now ?? new Date(), filters, locale, windows: opts.windows });
  const { doc, pdf } = "doc" in built ? built : { doc: built, pdf: undefined };
  if (q.format === "pdf" && !pdf) {
    const counts = await Promise.all(doc.sections.map((s) => s.count()));
    const rows = counts.reduce((a, b) => a + b, 0);
    if (rows > PDF_MAX_ROWS) {
      throw badRequest(
        `This report has ${rows} rows; a PDF holds at most ${PDF_MAX_ROWS}. Export it as xlsx or csv, or narrow the period or filters.`,
        { rows, limit: PDF_MAX_ROWS, formats: ["xlsx", "csv"] },
      );
    }
  }
  // Each table's first query now, so that its failure is still an ordinary error response.
  const settled = await Promise.allSettled(doc.sections.map(primed));
  const sections = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await Promise.all(sections.map((s) => s.close()));
    throw failed.reason;
  }
  doc.sections = sections;
  const write = async (out: Writable) => {
    try {
      await (q.format === "csv" ? writeCsv(doc, out, q.dialect) : q.format === "xlsx" ? writeXlsx(doc, out) : writePdf(doc, out, pdf));
    } finally {
      await Promise.all(sections.map((s) => s.close()));
    }
  };
  return { doc, format: q.format, filename: exportFilename(doc, q.format), contentType: CONTENT_TYPES[q.format], write };
}

/** Answers an export request: checks it (JSON errors), then streams the file, in `locale`, as an attachment into `res`. */
export async function exportReport(query: unknown, actor: Actor, res: ServerResponse, locale: Locale = DEFAULT_LOCALE): Promise<void> {
  await sendExport(await prepareExport(query, actor, { locale }), res);
}

/** Streams a prepared file as an attachment into `res` (also the count sheet's, lib/inventory/count-sheet.ts). */
export async function sendExport(file: Pick<PreparedExport, "filename" | "contentType" | "write">, res: ServerResponse): Promise<void> {
  res.statusCode = 200;
  res.setHeader("Content-Type", file.contentType);
  res.setHeader("Content-Disposition", `attachment; filename="${file.filename}"`);
  res.setHeader("X-Content-Type-Options", "nosniff");
  // Send the headers now: the download starts at once, and the API wrapper sees a streamed response.
  res.flushHeaders();
  try {
    await file.write(res);
  } catch (err) {
    // The client left: nothing to answer to. Anything else: cut the connection so that a truncated
    // file can never pass for a complete one, and let the wrapper log the cause.
    if (err instanceof ClientGone || (err as { code?: unknown }).code === "ERR_STREAM_PREMATURE_CLOSE") return;
    res.destroy();
    throw err;
  }
}
