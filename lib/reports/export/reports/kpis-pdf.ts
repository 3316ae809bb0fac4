// The one-page KPI summary: figure tiles, the 30-day throughput bar chart drawn with pdfkit's vector
// operations, and short lists (durations, late, in progress, low stock) cut to fit the page.
import type { Locale } from "../../../i18n/config";
import { translator } from "../../../i18n/translator";
import type { Kpis } from "../../kpis";
import type { ReportDoc } from "../model";
import { BOLD, FONT, MARGIN, cellText, display, type Pdf } from "../pdf-kit";
import { calendarDayText, numberText } from "../words";

type Words = ReturnType<typeof translator>;

const GAP = 8;
const LIST_ROWS = 8;

function tiles(pdf: Pdf, k: Kpis, top: number, t: Words, locale: Locale): number {
  const rate = k.onTime.rate === null ? "–" : `${numberText(k.onTime.rate * 100, locale, 1, 1)}%`;
  const items: [string, string][] = [
    [t("kpis.pdf.planned"), String(k.mosByState.PLANNED)],
    [t("kpis.pdf.inProgress"), String(k.mosByState.IN_PROGRESS)],
    [t("kpis.pdf.done"), String(k.mosByState.DONE)],
    [t("kpis.pdf.canceled"), String(k.mosByState.CANCELED)],
    [t("kpis.pdf.late"), String(k.late.count)],
    [t("kpis.pdf.rate"), rate],
    [t("kpis.pdf.completed"), t("kpis.pdf.onTimeOf", { onTime: k.onTime.onTime, completed: k.onTime.completed })],
    [t("kpis.pdf.woToday"), String(k.workOrdersCompleted.today)],
    [t("kpis.pdf.woWeek"), String(k.workOrdersCompleted.thisWeek)],
    [t("kpis.pdf.lowStock"), k.lowStock ? String(k.lowStock.count) : "–"],
  ];
  const perRow = 5;
  const width = pdf.page.width - 2 * MARGIN;
  const w = (width - (perRow - 1) * GAP) / perRow;
  const h = 42;
  items.forEach(([label, value], i) => {
    const x = MARGIN + (i % perRow) * (w + GAP);
    const y = top + Math.floor(i / perRow) * (h + GAP);
    pdf.roundedRect(x, y, w, h, 4).lineWidth(0.6).stroke("#bbbbbb");
    pdf.font(BOLD).fontSize(value.length > 8 ? 9 : 15).fillColor("#111111");
    cellText(pdf, value, x + 6, y + 8, w - 12);
    pdf.font(FONT).fontSize(7).fillColor("#555555");
    cellText(pdf, label, x + 6, y + h - 13, w - 12);
  });
  return top + 2 * (h + GAP) + 4;
}

/** A "nice" axis maximum ≥ v: 1, 2, 5 × 10^n. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function chart(pdf: Pdf, k: Kpis, top: number, t: Words, locale: Locale): number {
  const width = pdf.page.width - 2 * MARGIN;
  const units = k.throughput.reduce((s, d) => s + d.unitsProduced, 0);
  const mos = k.throughput.reduce((s, d) => s + d.mosCompleted, 0);
  pdf.font(BOLD).fontSize(10).fillColor("#111111").text(t("kpis.pdf.chartTitle"), MARGIN, top, { lineBreak: false });
  pdf.font(FONT).fontSize(7.5).fillColor("#555555");
  cellText(pdf, t("kpis.pdf.chartCaption", { mos: String(mos), units: display(units, "quantity", "UTC", locale) }), MARGIN, top + 14, width);
  const axisW = 34;
  const x0 = MARGIN + axisW;
  const y0 = top + 30;
  const plotW = width - axisW;
  const plotH = 120;
  const max = niceMax(Math.max(0, ...k.throughput.map((d) => d.unitsProduced)));
  // Grid lines and y labels at 0, ½ and the maximum.
  pdf.lineWidth(0.4);
  for (const f of [0, 0.5, 1]) {
    const y = y0 + plotH - f * plotH;
    pdf.moveTo(x0, y).lineTo(x0 + plotW, y).stroke(f === 0 ? "#333333" : "#dddddd");
    pdf.font(FONT).fontSize(6.5).fillColor("#555555");
    cellText(pdf, display(max * f, "quantity", "UTC", locale), MARGIN, y - 3, axisW - 4, "right");
  }
  const n = Math.max(1, k.throughput.length);
  const slot = plotW / n;
  k.throughput.forEach((d, i) => {
    const bh = (d.unitsProduced / max) * plotH;
    const x = x0 + i * slot + slot * 0.15;
    if (bh > 0) {
      pdf.rect(x, y0 + plotH - bh, slot * 0.7, bh).fill("#3b6ea5");
      pdf.font(FONT).fontSize(5.5).fillColor("#333333");
      cellText(pdf, display(d.unitsProduced, "quantity", "UTC", locale), x0 + i * slot, y0 + plotH - bh - 7, slot, "right");
    }
    if (i % 5 === 0 || i === n - 1) {
      pdf.font(FONT).fontSize(6).fillColor("#555555");
      // Month and day: 11-21 (en), 21-11 (nl).
      cellText(pdf, locale === "nl" ? calendarDayText(d.day, locale).slice(0, 5) : d.day.slice(5), x0 + i * slot - 4, y0 + plotH + 3, slot + 8);
    }
  });
  pdf.fillColor("#000000");
  return y0 + plotH + 18;
}

interface MiniColumn {
  header: string;
  width: number;
  right?: boolean;
}

function list(pdf: Pdf, t: Words, title: string, columns: MiniColumn[], rows: string[][], total: number, x: number, top: number, width: number): number {
  pdf.font(BOLD).fontSize(9).fillColor("#111111");
  cellText(pdf, title, x, top, width);
  let y = top + 13;
  const sum = columns.reduce((s, c) => s + c.width, 0);
  const ws = columns.map((c) => (c.width / sum) * width);
  const row = (cells: string[], bold: boolean) => {
    pdf.font(bold ? BOLD : FONT).fontSize(7).fillColor("#000000");
    let cx = x;
    cells.forEach((c, i) => {
      cellText(pdf, c, cx + 2, y + 2, ws[i]! - 4, columns[i]!.right ? "right" : "left");
      cx += ws[i]!;
    });
    y += 11;
  };
  pdf.rect(x, y, width, 11).fill("#e8e8e8");
  row(columns.map((c) => c.header), true);
  if (!rows.length) {
    pdf.font(FONT).fontSize(7).fillColor("#666666");
    cellText(pdf, t("kpis.pdf.none"), x + 2, y + 2, width - 4);
    y += 11;
  }
  for (const r of rows.slice(0, LIST_ROWS)) row(r, false);
  if (total > Math.min(rows.length, LIST_ROWS)) {
    pdf.font(FONT).fontSize(7).fillColor("#666666");
    cellText(pdf, t("kpis.pdf.more", { n: total - Math.min(rows.length, LIST_ROWS) }), x + 2, y + 2, width - 4);
    y += 11;
  }
  return y + GAP;
}

/** Draws the whole KPI summary on the current page, from `top`. */
export function drawKpiPage(pdf: Pdf, k: Kpis, doc: ReportDoc, top: number): void {
  const t = translator(doc.locale, "exports");
  const locale = doc.locale;
  let y = tiles(pdf, k, top, t, locale);
  y = chart(pdf, k, y, t, locale);
  const colW = (pdf.page.width - 2 * MARGIN - 2 * GAP) / 2;
  const left = MARGIN;
  const right = MARGIN + colW + 2 * GAP;
  const when = (iso: string | null) => (iso ? display(new Date(iso), "datetime", doc.tz, locale) : "");
  const yl = list(
    pdf,
    t,
    t("kpis.pdf.durations"),
    [
      { header: t("kpis.pdf.operation"), width: 40 },
      { header: t("kpis.pdf.wos"), width: 12, right: true },
      { header: t("kpis.pdf.avgMin"), width: 16, right: true },
      { header: t("kpis.pdf.p90Min"), width: 16, right: true },
    ],
    k.durationsByOperation.map((d) => [d.title, String(d.completed), display(d.avgMinutes, "minutes", doc.tz, locale), display(d.p90Minutes, "minutes", doc.tz, locale)]),
    k.durationsByOperation.length,
    left,
    y,
    colW,
  );
  list(
    pdf,
    t,
    t("kpis.pdf.lateList"),
    [{ header: t("kpis.pdf.order"), width: 18 }, { header: t("kpis.pdf.name"), width: 36 }, { header: t("kpis.pdf.deadline"), width: 28 }],
    k.late.items.map((m) => [m.orderNo, m.name, when(m.deadline)]),
    k.late.count,
    left,
    yl,
    colW,
  );
  const yr = list(
    pdf,
    t,
    t("kpis.pdf.inProgressList"),
    [
      { header: t("kpis.pdf.order"), width: 18 },
      { header: t("kpis.pdf.name"), width: 34 },
      { header: t("kpis.pdf.deadline"), width: 26 },
      { header: t("kpis.pdf.wos"), width: 12, right: true },
    ],
    k.inProgress.map((m) => [m.orderNo, m.name, when(m.deadline), `${m.completedWOs}/${m.totalWOs}`]),
    k.inProgress.length,
    right,
    y,
    colW,
  );
  if (k.lowStock) {
    list(
      pdf,
      t,
      t("kpis.pdf.lowStockList"),
      [
        { header: t("kpis.pdf.sku"), width: 20 },
        { header: t("kpis.pdf.name"), width: 34 },
        { header: t("kpis.pdf.onHand"), width: 16, right: true },
        { header: t("kpis.pdf.reorder"), width: 16, right: true },
      ],
      k.lowStock.items.map((i) => [i.sku, i.name, display(i.onHand, "quantity", doc.tz, locale), display(i.reorderPoint, "quantity", doc.tz, locale)]),
      k.lowStock.count,
      right,
      yr,
      colW,
    );
  }
}
