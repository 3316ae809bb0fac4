import { z } from "zod";
import { OrderState, ScrapReason, StockSourceType } from "../../db/generated/enums";
import { periodQuery, type Period } from "../schemas";
import { CSV_DIALECTS, FORMATS, REPORTS, type CsvDialect, type ExportFormat, type ReportName } from "./model";

const FILTER_KEYS = ["state", "productId", "locationId", "lotId", "operatorId", "workCenterId", "sourceType", "reason"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** The filters each report understands (besides the period from/to/tz, which every report accepts). */
export const REPORT_FILTERS: Record<ReportName, readonly FilterKey[]> = {
  mos: ["state", "productId"],
  ledger: ["productId", "locationId", "lotId", "sourceType"],
  levels: [],
  kpis: [],
  labor: ["operatorId", "workCenterId"],
  costs: ["state", "productId"],
  downtime: ["workCenterId"],
  oee: ["workCenterId"],
  scrap: ["productId", "reason"],
};

const STATES = [...Object.values(OrderState), "ALL"] as const;
const id = (what: string) => z.uuid(`must be a valid ${what} id`).optional();

const exportParams = z
  .object({
    report: z.enum(REPORTS, { error: `must be one of ${REPORTS.join(", ")}` }),
    format: z.enum(FORMATS, { error: `must be one of ${FORMATS.join(", ")}` }),
    // CSV only: `excel` (default, the reader's spreadsheet) or `rfc4180` (machines); see model.ts.
    dialect: z.enum(CSV_DIALECTS, { error: `must be one of ${CSV_DIALECTS.join(", ")}` }).optional(),
    // Checked by periodQuery below, so the period rules stay the ones of the KPI endpoint.
    from: z.unknown().optional(),
    to: z.unknown().optional(),
    tz: z.unknown().optional(),
    state: z.enum(STATES, { error: `must be one of ${STATES.join(", ")}` }).optional(),
    productId: id("product"),
    locationId: id("location"),
    lotId: id("lot"),
    operatorId: id("user"),
    workCenterId: id("work center"),
    sourceType: z.enum(StockSourceType, { error: `must be one of ${Object.values(StockSourceType).join(", ")}` }).optional(),
    reason: z.enum(ScrapReason, { error: `must be one of ${Object.values(ScrapReason).join(", ")}` }).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    // A dialect of another format would silently be ignored: refuse it as well.
    if (q.dialect !== undefined && q.format !== "csv") ctx.addIssue({ code: "custom", path: ["dialect"], message: "is a parameter of format=csv only" });
    // A filter the report does not apply would silently be ignored: refuse it, like an unknown parameter.
    for (const key of FILTER_KEYS) {
      if (q[key] !== undefined && !REPORT_FILTERS[q.report].includes(key)) {
        const accepted = ["from", "to", "tz", ...REPORT_FILTERS[q.report]].join(", ");
        ctx.addIssue({ code: "custom", path: [key], message: `is not a filter of the ${q.report} report (it takes ${accepted})` });
      }
    }
  });

export interface ExportQuery {
  report: ReportName;
  format: ExportFormat;
  /** CSV only (default excel). */
  dialect: CsvDialect;
  period: Period;
  /** mos: one state (ALL = any); costs: DONE by default, another state, or ALL. */
  state?: OrderState | "ALL";
  productId?: string;
  /** ledger: the entries at one location (docs/locations.md). */
  locationId?: string;
  /** ledger: the entries of one lot. */
  lotId?: string;
  operatorId?: string;
  workCenterId?: string;
  sourceType?: StockSourceType;
  /** scrap: one scrap reason. */
  reason?: ScrapReason;
}

/** Parses `?report=&format=` + the period + the report's filters; throws a ZodError (→ 400) otherwise. */
export function parseExportQuery(query: unknown): ExportQuery {
  const { from, to, tz, dialect, ...rest } = exportParams.parse(query);
  const period = periodQuery.parse({ from, to, tz });
  return { ...rest, dialect: dialect ?? "excel", period };
}
