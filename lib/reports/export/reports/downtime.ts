// Downtime per work center and pause reason over the period: the WO pauses (WorkOrderPause) clipped
// to it (lib/reports/floor.ts), with a total per reason across work centers.
import { translator } from "../../../i18n/translator";
import { downtimeByReason, type DowntimeRow } from "../../floor";
import type { Column, ReportDoc, Row, Section } from "../model";
import { Sum4, type ReportContext } from "../sql";

type Words = ReturnType<typeof translator>;

/** A default reason in the reader's words, a custom one by its name. */
function reasonText(r: Pick<DowntimeRow, "code" | "reason">, t: Words): string {
  switch (r.code) {
    case "SETUP":
      return t("downtime.reason.SETUP");
    case "MATERIAL":
      return t("downtime.reason.MATERIAL");
    case "BREAKDOWN":
      return t("downtime.reason.BREAKDOWN");
    case "QUALITY":
      return t("downtime.reason.QUALITY");
    case "BREAK":
      return t("downtime.reason.BREAK");
    case "OTHER":
      return t("downtime.reason.OTHER");
    default:
      return r.reason;
  }
}

function measures(t: Words): Column[] {
  return [
    { key: "pauses", header: t("downtime.col.pauses"), type: "int", width: 10 },
    { key: "minutes", header: t("downtime.col.minutes"), type: "minutes", width: 14 },
  ];
}

function section(name: string, title: string, columns: Column[], totalLabel: string, load: () => Promise<Row[]>): Section {
  const minutes = new Sum4();
  let pauses = 0;
  return {
    name,
    title,
    columns,
    count: async () => (await load()).length,
    async *rows() {
      const all = await load();
      for (const r of all) {
        minutes.add(r.minutes as number);
        pauses += r.pauses as number;
      }
      if (all.length) yield all;
    },
    totals: () => ({ [columns[0]!.key]: totalLabel, pauses, minutes: minutes.value ?? 0 }),
  };
}

/** The downtime report: by work center and reason, and by reason over every work center. */
export function downtimeReport(ctx: ReportContext): ReportDoc {
  const { q, db, now, filters, locale } = ctx;
  const t = translator(locale, "exports");
  let rows: DowntimeRow[] | undefined;
  const load = async () => (rows ??= await downtimeByReason(db, { from: q.period.from, to: q.period.to, now, workCenterId: q.workCenterId }));
  const byCenter = async (): Promise<Row[]> =>
    (await load()).map((r) => ({ workCenter: r.workCenter ?? t("downtime.noCenter"), code: r.code, reason: reasonText(r, t), pauses: r.pauses, minutes: r.minutes }));
  let totals: Row[] | undefined;
  const byReason = async (): Promise<Row[]> => {
    if (totals) return totals;
    const map = new Map<string, { code: string; reason: string; pauses: number; minutes: Sum4 }>();
    for (const r of await load()) {
      const e = map.get(r.reasonId) ?? { code: r.code, reason: reasonText(r, t), pauses: 0, minutes: new Sum4() };
      e.pauses += r.pauses;
      e.minutes.add(r.minutes);
      map.set(r.reasonId, e);
    }
    totals = [...map.values()].sort((a, b) => (b.minutes.value ?? 0) - (a.minutes.value ?? 0)).map((e) => ({ code: e.code, reason: e.reason, pauses: e.pauses, minutes: e.minutes.value ?? 0 }));
    return totals;
  };
  const reasonCols: Column[] = [
    { key: "code", header: t("downtime.col.code"), type: "text", width: 14 },
    { key: "reason", header: t("downtime.col.reason"), type: "text", width: 24 },
  ];
  return {
    report: "downtime",
    locale,
    title: t("downtime.title"),
    period: q.period,
    tz: q.period.tz,
    filters,
    generatedAt: now,
    notes: [t("downtime.note1")],
    sections: [
      section(t("downtime.byCenter"), t("downtime.byCenterTitle"), [{ key: "workCenter", header: t("downtime.col.workCenter"), type: "text", width: 24 }, ...reasonCols, ...measures(t)], t("doc.total"), byCenter),
      section(t("downtime.byReason"), t("downtime.byReasonTitle"), [...reasonCols, ...measures(t)], t("doc.total"), byReason),
    ],
  };
}
