// OEE per work center over the period (lib/reports/floor.ts computes it: availability × performance ×
// quality from time logs, pauses, planned minutes and good/scrap of the WOs completed in the period).
import { translator } from "../../../i18n/translator";
import { oeeByWorkCenter } from "../../floor";
import type { Column, ReportDoc, Row, Section } from "../model";
import type { ReportContext } from "../sql";

type Words = ReturnType<typeof translator>;

function columns(t: Words): Column[] {
  return [
    { key: "workCenter", header: t("oee.col.workCenter"), type: "text", width: 24 },
    { key: "runMin", header: t("oee.col.runMin"), type: "minutes", width: 13 },
    { key: "downtimeMin", header: t("oee.col.downtimeMin"), type: "minutes", width: 13 },
    { key: "plannedMin", header: t("oee.col.plannedMin"), type: "minutes", width: 13 },
    { key: "completed", header: t("oee.col.completed"), type: "int", width: 11 },
    { key: "goodQty", header: t("oee.col.goodQty"), type: "quantity", width: 11 },
    { key: "scrapQty", header: t("oee.col.scrapQty"), type: "quantity", width: 11 },
    { key: "availability", header: t("oee.col.availability"), type: "percent", width: 12 },
    { key: "performance", header: t("oee.col.performance"), type: "percent", width: 12 },
    { key: "quality", header: t("oee.col.quality"), type: "percent", width: 11 },
    { key: "oee", header: t("oee.col.oee"), type: "percent", width: 10 },
  ];
}

/** The OEE report: one row per work center (every active one, and any other with activity). */
export function oeeReport(ctx: ReportContext): ReportDoc {
  const { q, db, now, filters, locale } = ctx;
  const t = translator(locale, "exports");
  let rows: Row[] | undefined;
  const load = async () =>
    (rows ??= (await oeeByWorkCenter(db, { from: q.period.from, to: q.period.to, now, workCenterId: q.workCenterId })).map(({ workCenterId: _id, name, ...r }) => ({
      workCenter: name ?? t("oee.noCenter"),
      ...r,
    })));
  const section: Section = {
    name: t("oee.sheet"),
    title: t("oee.sheetTitle"),
    columns: columns(t),
    count: async () => (await load()).length,
    async *rows() {
      const all = await load();
      if (all.length) yield all;
    },
  };
  return {
    report: "oee",
    locale,
    title: t("oee.title"),
    period: q.period,
    tz: q.period.tz,
    filters,
    generatedAt: now,
    notes: [t("oee.note1"), t("oee.note2"), t("oee.note3")],
    sections: [section],
  };
}
