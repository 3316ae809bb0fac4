// The dashboard KPIs as an export: a one-page PDF summary with the 30-day throughput chart, or the
// same figures as tables (xlsx sheets, CSV sections). The figures are getKpis', unchanged.
import type { Locale } from "../../../i18n/config";
import { translator } from "../../../i18n/translator";
import { getKpis, type Kpis } from "../../kpis";
import type { Column, ReportDoc, Row, Section } from "../model";
import type { PdfDrawer } from "../pdf";
import type { ReportContext } from "../sql";
import { drawKpiPage } from "./kpis-pdf";

function fixed(name: string, title: string, columns: Column[], rows: Row[]): Section {
  return {
    name,
    title,
    columns,
    count: async () => rows.length,
    async *rows() {
      if (rows.length) yield rows;
    },
  };
}

/** The KPI figures as rows: metric (in the reader's language) / value pairs. */
export function summaryRows(k: Kpis, locale: Locale = "en"): Row[] {
  const t = translator(locale, "exports");
  return [
    { metric: t("kpis.metric.planned"), value: k.mosByState.PLANNED },
    { metric: t("kpis.metric.inProgress"), value: k.mosByState.IN_PROGRESS },
    { metric: t("kpis.metric.done"), value: k.mosByState.DONE },
    { metric: t("kpis.metric.canceled"), value: k.mosByState.CANCELED },
    { metric: t("kpis.metric.late"), value: k.late.count },
    { metric: t("kpis.metric.completed"), value: k.onTime.completed },
    { metric: t("kpis.metric.onTime"), value: k.onTime.onTime },
    { metric: t("kpis.metric.rate"), value: k.onTime.rate === null ? null : Math.round(k.onTime.rate * 1000) / 10 },
    { metric: t("kpis.metric.woToday"), value: k.workOrdersCompleted.today },
    { metric: t("kpis.metric.woWeek"), value: k.workOrdersCompleted.thisWeek },
    ...(k.lowStock ? [{ metric: t("kpis.metric.lowStock"), value: k.lowStock.count }] : []),
  ];
}

/** The KPI report; its PDF is one page drawn by `pdf`. */
export async function kpisReport(ctx: ReportContext): Promise<{ doc: ReportDoc; pdf: PdfDrawer }> {
  const { q, actor, now, filters, locale } = ctx;
  const t = translator(locale, "exports");
  const k = await getKpis(q.period, actor);
  const sections: Section[] = [
    fixed(t("kpis.summary"), t("kpis.summary"), [
      { key: "metric", header: t("kpis.col.metric"), type: "text", width: 44 },
      { key: "value", header: t("kpis.col.value"), type: "quantity", width: 12 },
    ], summaryRows(k, locale)),
    fixed(t("kpis.durations"), t("kpis.durationsTitle"), [
      { key: "operation", header: t("kpis.col.operation"), type: "text", width: 28 },
      { key: "completed", header: t("kpis.col.completed"), type: "int", width: 14 },
      { key: "avgMinutes", header: t("kpis.col.avgMinutes"), type: "minutes", width: 15 },
      { key: "p90Minutes", header: t("kpis.col.p90Minutes"), type: "minutes", width: 13 },
    ], k.durationsByOperation.map((d) => ({ operation: d.title, completed: d.completed, avgMinutes: d.avgMinutes, p90Minutes: d.p90Minutes }))),
    fixed(t("kpis.throughput"), t("kpis.throughputTitle"), [
      { key: "day", header: t("kpis.col.day"), type: "date", width: 12 },
      { key: "mosCompleted", header: t("kpis.col.mosCompleted"), type: "int", width: 14 },
      { key: "unitsProduced", header: t("kpis.col.unitsProduced"), type: "quantity", width: 14 },
    ], k.throughput.map((t) => ({ day: t.day, mosCompleted: t.mosCompleted, unitsProduced: t.unitsProduced }))),
    fixed(t("kpis.late"), t("kpis.late"), [
      { key: "orderNo", header: t("kpis.col.orderNo"), type: "text", width: 12 },
      { key: "name", header: t("kpis.col.name"), type: "text", width: 28 },
      { key: "state", header: t("kpis.col.state"), type: "text", width: 12, values: "state" },
      { key: "deadline", header: t("kpis.col.deadline"), type: "datetime", width: 17 },
    ], k.late.items.map((m) => ({ orderNo: m.orderNo, name: m.name, state: m.state, deadline: new Date(m.deadline) }))),
    fixed(t("kpis.inProgress"), t("kpis.inProgressTitle"), [
      { key: "orderNo", header: t("kpis.col.orderNo"), type: "text", width: 12 },
      { key: "name", header: t("kpis.col.name"), type: "text", width: 28 },
      { key: "deadline", header: t("kpis.col.deadline"), type: "datetime", width: 17 },
      { key: "completedWOs", header: t("kpis.col.completedWOs"), type: "int", width: 10 },
      { key: "totalWOs", header: t("kpis.col.totalWOs"), type: "int", width: 8 },
    ], k.inProgress.map((m) => ({ orderNo: m.orderNo, name: m.name, deadline: m.deadline ? new Date(m.deadline) : null, completedWOs: m.completedWOs, totalWOs: m.totalWOs }))),
  ];
  if (k.lowStock) {
    sections.push(
      fixed(t("kpis.lowStock"), t("kpis.lowStock"), [
        { key: "sku", header: t("kpis.col.sku"), type: "text", width: 14 },
        { key: "name", header: t("kpis.col.name"), type: "text", width: 28 },
        { key: "onHand", header: t("kpis.col.onHand"), type: "quantity", width: 12 },
        { key: "reorderPoint", header: t("kpis.col.reorderPoint"), type: "quantity", width: 13 },
        { key: "uom", header: t("kpis.col.uom"), type: "text", width: 7 },
      ], k.lowStock.items.map((i) => ({ sku: i.sku, name: i.name, onHand: i.onHand, reorderPoint: i.reorderPoint, uom: i.uom }))),
    );
  }
  const doc: ReportDoc = {
    report: "kpis",
    locale,
    title: t("kpis.title"),
    period: q.period,
    tz: q.period.tz,
    filters,
    generatedAt: now,
    notes: [t("kpis.note")],
    sections,
  };
  return { doc, pdf: (pdf, top) => drawKpiPage(pdf, k, doc, top) };
}
