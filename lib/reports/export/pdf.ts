// PDF for lists of a reasonable size (the service refuses more than PDF_MAX_ROWS rows before
// anything is written): A4 landscape, a title block, one table per section with its header repeated
// on every page, a bold totals row, "Page i of N" footers. A report may instead draw its own
// one-page summary (the KPIs).
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { translator } from "../../i18n/translator";
import type { Column, ColumnType, ReportDoc, Row, Section } from "./model";
import { BOLD, FONT, FOOTER_SPACE, MARGIN, cellText, createPdf, display, footers, isNumeric, pdfText, titleBlock, type Pdf } from "./pdf-kit";

/** Lists longer than this are refused as PDF (xlsx and CSV stream any size). */
export const PDF_MAX_ROWS = 5000;

const ROW_H = 12;
const FONT_SIZE = 7;
const PAD = 3;

/** A report that draws its own PDF page(s) instead of tables. */
export type PdfDrawer = (pdf: Pdf, top: number) => void;

interface Layout {
  columns: Column[];
  x: number[];
  w: number[];
}

// What the widest value of a fixed-format column looks like.
const SAMPLE: Partial<Record<ColumnType, string>> = {
  datetime: "0000-00-00 00:00",
  date: "0000-00-00",
  bool: "yes",
  int: "000000",
  quantity: "000,000.00",
  money: "000,000.00",
  minutes: "00,000.00",
  percent: "000.0%",
};

/**
 * Column positions: dates, numbers and flags get the width their values and header need; text
 * columns share what is left by their width hints (and are cut with "…" when it is not enough).
 */
function layout(pdf: Pdf, all: Column[]): Layout {
  const columns = all.filter((c) => c.pdf !== false);
  const avail = pdf.page.width - 2 * MARGIN;
  pdf.font(BOLD).fontSize(FONT_SIZE);
  // +1: a value exactly as wide as its box must not be cut by rounding.
  const header = columns.map((c) => pdf.widthOfString(c.header) + 2 * PAD + 1);
  pdf.font(FONT).fontSize(FONT_SIZE);
  const fixed = columns.map((c, i) => (c.type === "text" ? 0 : Math.max(header[i]!, pdf.widthOfString(SAMPLE[c.type] ?? "") + 2 * PAD + 1)));
  const textHints = columns.reduce((s, c) => s + (c.type === "text" ? c.width : 0), 0);
  const free = Math.max(0, avail - fixed.reduce((a, b) => a + b, 0));
  let w = columns.map((c, i) => (c.type === "text" ? (free * c.width) / textHints : fixed[i]!));
  const total = w.reduce((a, b) => a + b, 0);
  if (total > avail) w = w.map((cw) => (cw * avail) / total);
  const x: number[] = [];
  let at = MARGIN;
  for (const cw of w) {
    x.push(at);
    at += cw;
  }
  return { columns, x, w };
}

const bottom = (pdf: Pdf) => pdf.page.height - MARGIN - FOOTER_SPACE;

function headerRow(pdf: Pdf, l: Layout, y: number): number {
  pdf.rect(MARGIN, y, pdf.page.width - 2 * MARGIN, ROW_H).fill("#e8e8e8");
  pdf.fillColor("#000000").font(BOLD).fontSize(FONT_SIZE);
  l.columns.forEach((c, i) => cellText(pdf, c.header, l.x[i]! + PAD, y + 3, l.w[i]! - 2 * PAD, isNumeric(c.type) ? "right" : "left"));
  return y + ROW_H;
}

function dataRow(pdf: Pdf, doc: ReportDoc, l: Layout, row: Row, y: number, opts: { shade: boolean; bold: boolean }): void {
  if (opts.shade) pdf.rect(MARGIN, y, pdf.page.width - 2 * MARGIN, ROW_H).fill("#f6f6f6");
  if (opts.bold) pdf.moveTo(MARGIN, y).lineTo(pdf.page.width - MARGIN, y).lineWidth(0.7).stroke("#333333");
  pdf.fillColor("#000000").font(opts.bold ? BOLD : FONT).fontSize(FONT_SIZE);
  l.columns.forEach((c, i) => cellText(pdf, display(row[c.key] ?? null, c.type, doc.tz, doc.locale, c.values), l.x[i]! + PAD, y + 3, l.w[i]! - 2 * PAD, isNumeric(c.type) ? "right" : "left"));
}

/** Draws one section's table from `y`, adding pages (with the header repeated) as needed; returns the y below it. */
async function table(pdf: Pdf, doc: ReportDoc, s: Section, startY: number): Promise<number> {
  const t = translator(doc.locale, "exports");
  const l = layout(pdf, s.columns);
  let y = startY;
  if (doc.sections.length > 1) {
    if (y + 3 * ROW_H > bottom(pdf)) {
      pdf.addPage();
      y = MARGIN;
    }
    pdf.font(BOLD).fontSize(11).fillColor("#111111").text(pdfText(s.title), MARGIN, y, { lineBreak: false });
    y += 18;
  }
  y = headerRow(pdf, l, y);
  let n = 0;
  const place = () => {
    if (y + ROW_H > bottom(pdf)) {
      pdf.addPage();
      pdf.font(FONT).fontSize(8).fillColor("#666666");
      cellText(pdf, t("doc.continued", { title: `${doc.title}${doc.sections.length > 1 ? ` · ${s.title}` : ""}` }), MARGIN, MARGIN, pdf.page.width - 2 * MARGIN);
      y = headerRow(pdf, l, MARGIN + 14);
    }
  };
  for await (const batch of s.rows()) {
    for (const row of batch) {
      place();
      dataRow(pdf, doc, l, row, y, { shade: n % 2 === 1, bold: false });
      y += ROW_H;
      n++;
    }
  }
  if (n === 0) {
    pdf.font(FONT).fontSize(FONT_SIZE).fillColor("#666666").text(pdfText(t("doc.noRows")), MARGIN + PAD, y + 3, { lineBreak: false });
    y += ROW_H;
  }
  const totals = s.totals?.();
  if (totals) {
    place();
    dataRow(pdf, doc, l, totals, y, { shade: false, bold: true });
    y += ROW_H;
  }
  return y + 12;
}

/** Streams the report as a PDF into `out` (and ends it); `draw` replaces the tables with a custom page. */
export async function writePdf(doc: ReportDoc, out: Writable, draw?: PdfDrawer): Promise<void> {
  const pdf = createPdf(doc, draw ? "portrait" : "landscape");
  const done = pipeline(pdf, out);
  done.catch(() => undefined); // awaited below
  try {
    const top = titleBlock(pdf, doc);
    if (draw) draw(pdf, top);
    else {
      let y = top;
      for (const s of doc.sections) y = await table(pdf, doc, s, y);
    }
    footers(pdf, doc);
    pdf.end();
  } catch (err) {
    pdf.destroy();
    throw err;
  }
  await done;
}
