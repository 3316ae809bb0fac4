// Shared PDF drawing: the document, the title block, cell text that fits its box, and the
// "Page 2 of 5" footers stamped once every page exists (pages are buffered until the end).
import PDFDocument from "pdfkit";
import type { Locale } from "../../i18n/config";
import { translator } from "../../i18n/translator";
import { periodLabel } from "./labels";
import type { Cell, ColumnType, ReportDoc, ValueKind } from "./model";
import { boolText, dateTimeText, numberText, valueText } from "./words";

export type Pdf = PDFKit.PDFDocument;

export const FONT = "Helvetica";
export const BOLD = "Helvetica-Bold";
export const MARGIN = 36;
/** Space kept free at the bottom of every page for the footer. */
export const FOOTER_SPACE = 28;

// The standard PDF fonts speak WinAnsi: Latin-1 plus these. Anything else would print as garbage.
const WIN_ANSI_EXTRA = new Set([338, 339, 352, 353, 376, 381, 382, 402, 710, 732, 8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8224, 8225, 8226, 8230, 8240, 8249, 8250, 8364, 8482]);

/** Text the standard fonts can show: control characters become spaces, other unsupported characters "?". */
export function pdfText(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 32 || (c >= 127 && c < 160)) out += " ";
    else if (c < 256 || WIN_ANSI_EXTRA.has(c)) out += ch;
    else out += "?";
  }
  return out;
}

/** A new buffered document (so the page count is known for the footers). */
export function createPdf(doc: Pick<ReportDoc, "title" | "generatedAt">, layout: "portrait" | "landscape"): Pdf {
  return new PDFDocument({
    size: "A4",
    layout,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: pdfText(doc.title), Creator: "MES", CreationDate: doc.generatedAt },
  });
}

/** Title, period, filters, generation time and notes; returns the y below them. */
export function titleBlock(pdf: Pdf, doc: ReportDoc): number {
  const t = translator(doc.locale, "exports");
  const x = MARGIN;
  const width = pdf.page.width - 2 * MARGIN;
  pdf.font(BOLD).fontSize(16).fillColor("#111111").text(pdfText(doc.title), x, MARGIN, { width });
  pdf.font(FONT).fontSize(9).fillColor("#333333");
  pdf.text(pdfText(t("doc.period", { period: periodLabel(doc) })), { width });
  if (doc.filters.length) pdf.text(pdfText(t("doc.filters", { filters: doc.filters.join("; ") })), { width });
  pdf.text(pdfText(t("doc.generated", { when: dateTimeText(doc.generatedAt, doc.tz, doc.locale), tz: doc.tz })), { width });
  if (doc.notes?.length) {
    pdf.fontSize(7.5).fillColor("#666666");
    for (const n of doc.notes) pdf.text(pdfText(n), { width });
  }
  pdf.fillColor("#000000");
  return pdf.y + 8;
}

/** `text` cut with an ellipsis so that it fits `width` at the current font. */
export function fit(pdf: Pdf, text: string, width: number): string {
  if (pdf.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (pdf.widthOfString(text.slice(0, mid) + "…") <= width) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + "…";
}

/** Draws one line of text in a box without wrapping (and so without pdfkit adding pages). */
export function cellText(pdf: Pdf, text: string, x: number, y: number, width: number, align: "left" | "right" = "left"): void {
  const t = fit(pdf, pdfText(text), width);
  const dx = align === "right" ? width - pdf.widthOfString(t) : 0;
  pdf.text(t, x + dx, y, { lineBreak: false });
}

/** How a cell reads on paper, in the reader's language (numbers, dates, yes/no, coded values). */
export function display(v: Cell, type: ColumnType, tz: string, locale: Locale, kind?: ValueKind): string {
  const num = (n: number, min: number, max: number) => numberText(n, locale, min, max);
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return type === "date" ? dateTimeText(v, tz, locale).slice(0, 10) : dateTimeText(v, tz, locale);
  if (typeof v === "boolean") return boolText(v, locale);
  if (kind && typeof v === "string") return valueText(v, kind, locale);
  if (typeof v === "number") {
    switch (type) {
      case "money":
      case "minutes":
        return num(v, 2, 2);
      case "percent":
        return `${num(v * 100, 1, 1)}%`;
      case "int":
        return num(v, 0, 0);
      default:
        return num(v, 0, 4);
    }
  }
  return v;
}

/** Numbers read right-aligned. */
export const isNumeric = (t: ColumnType) => t === "int" || t === "quantity" || t === "money" || t === "minutes" || t === "percent";

/** Stamps "Page i of N" ("Pagina i van N") and the report name on every buffered page. */
export function footers(pdf: Pdf, doc: ReportDoc): void {
  const t = translator(doc.locale, "exports");
  const when = dateTimeText(doc.generatedAt, doc.tz, doc.locale);
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a new page.
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - MARGIN + 8;
    const width = pdf.page.width - 2 * MARGIN;
    pdf.font(FONT).fontSize(7.5).fillColor("#666666");
    cellText(pdf, t("doc.footer", { title: doc.title, when, tz: doc.tz }), MARGIN, y, width * 0.7);
    cellText(pdf, t("doc.page", { page: i - range.start + 1, pages: range.count }), MARGIN, y, width, "right");
  }
  pdf.fillColor("#000000");
}
