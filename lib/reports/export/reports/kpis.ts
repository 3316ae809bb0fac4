// The dashboard KPIs as an export: a one-page PDF summary with the 30-day throughput chart, or the
// same figures as tables (xlsx sheets, CSV sections). The figures are getKpis', unchanged.
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

/** The KPI figures as rows: metric / value pairs. */
export function summaryRows(k: Kpis): Row[] {
  return [
    { metric: "MOs planned", value: k.mosByState.PLANNED },
    { metric: "MOs in progress", value: k.mosByState.IN_PROGRESS },
    { metric: "MOs done", value: k.mosByState.DONE },
    { metric: "MOs canceled", value: k.mosByState.CANCELED },
    { metric: "Late MOs (open past deadline)", value: k.late.count },
    { metric: "MOs completed in the period (with a deadline)", value: k.onTime.completed },
    { metric: "Completed on time", value: k.onTime.onTime },
    { metric: "On-time rate (%)", value: k.onTime.rate === null ? null : Math.round(k.onTime.rate * 1000) / 10 },
    { metric: "WOs completed today", value: k.workOrdersCompleted.today },
    { metric: "WOs completed this week", value: k.workOrdersCompleted.thisWeek },
    ...(k.lowStock ? [{ metric: "Products at or below reorder point", value: k.lowStock.count }] : []),
  ];
}

/** The KPI report; its PDF is one page drawn by `pdf`. */
export async function kpisReport(ctx: ReportContext): Promise<{ doc: ReportDoc; pdf: PdfDrawer }> {
  const { q, actor, now, filters } = ctx;
  const k = await getKpis(q.period, actor);
  const sections: Section[] = [
    fixed("Summary", "Summary", [
      { key: "metric", header: "Metric", type: "text", width: 44 },
      { key: "value", header: "Value", type: "quantity", width: 12 },
    ], summaryRows(k)),
    fixed("Durations by operation", "Worked minutes by operation (completed WOs)", [
      { key: "operation", header: "Operation", type: "text", width: 28 },
      { key: "completed", header: "Completed WOs", type: "int", width: 14 },
      { key: "avgMinutes", header: "Average minutes", type: "minutes", width: 15 },
      { key: "p90Minutes", header: "P90 minutes", type: "minutes", width: 13 },
    ], k.durationsByOperation.map((d) => ({ operation: d.title, completed: d.completed, avgMinutes: d.avgMinutes, p90Minutes: d.p90Minutes }))),
    fixed("Throughput", "Throughput, last 30 days", [
      { key: "day", header: "Day", type: "date", width: 12 },
      { key: "mosCompleted", header: "MOs completed", type: "int", width: 14 },
      { key: "unitsProduced", header: "Units produced", type: "quantity", width: 14 },
    ], k.throughput.map((t) => ({ day: t.day, mosCompleted: t.mosCompleted, unitsProduced: t.unitsProduced }))),
    fixed("Late orders", "Late orders", [
      { key: "orderNo", header: "Order", type: "text", width: 12 },
      { key: "name", header: "Name", type: "text", width: 28 },
      { key: "state", header: "State", type: "text", width: 12 },
      { key: "deadline", header: "Deadline", type: "datetime", width: 17 },
    ], k.late.items.map((m) => ({ orderNo: m.orderNo, name: m.name, state: m.state, deadline: new Date(m.deadline) }))),
    fixed("In progress", "Orders in progress", [
      { key: "orderNo", header: "Order", type: "text", width: 12 },
      { key: "name", header: "Name", type: "text", width: 28 },
      { key: "deadline", header: "Deadline", type: "datetime", width: 17 },
      { key: "completedWOs", header: "WOs done", type: "int", width: 10 },
      { key: "totalWOs", header: "WOs", type: "int", width: 8 },
    ], k.inProgress.map((m) => ({ orderNo: m.orderNo, name: m.name, deadline: m.deadline ? new Date(m.deadline) : null, completedWOs: m.completedWOs, totalWOs: m.totalWOs }))),
  ];
  if (k.lowStock) {
    sections.push(
      fixed("Low stock", "Low stock", [
        { key: "sku", header: "SKU", type: "text", width: 14 },
        { key: "name", header: "Name", type: "text", width: 28 },
        { key: "onHand", header: "On hand", type: "quantity", width: 12 },
        { key: "reorderPoint", header: "Reorder point", type: "quantity", width: 13 },
        { key: "uom", header: "UoM", type: "text", width: 7 },
      ], k.lowStock.items.map((i) => ({ sku: i.sku, name: i.name, onHand: i.onHand, reorderPoint: i.reorderPoint, uom: i.uom }))),
    );
  }
  const doc: ReportDoc = {
    report: "kpis",
    title: "KPI summary",
    period: q.period,
    tz: q.period.tz,
    filters,
    generatedAt: now,
    notes: ["MO counts by state, late orders and in-progress orders are as of now; throughput covers the last 30 days; the rest covers the period."],
    sections,
  };
  return { doc, pdf: (pdf, top) => drawKpiPage(pdf, k, doc, top) };
}
