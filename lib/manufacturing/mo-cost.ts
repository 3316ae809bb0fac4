// What an MO really cost, from the ledger and the time logs (docs/domain.md "Valuation"): its
// materials are the value of its MO_CONSUMPTION rows (each valued at the material's moving average at
// that moment, so a sub-assembly counts at what its own order really cost), its labour the closed
// time logs of its work orders × their work centers' cost per hour, stored on the order when it finishes
// (laborMinutes, laborCost: the rates of that moment). The MO's output enters stock at
// (materials + labour) ÷ producedQty per unit. The costs report (lib/reports/export/reports/costs.ts)
// reads the stored labour of DONE orders and computes it with labourSql for the others.
import { Prisma } from "../db/generated/client";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

export interface MoCost {
  /** Σ −value of the MO's consumption rows. */
  material: Decimal;
  /** Worked hours × cost per hour, rounded to 4 decimals. */
  labour: Decimal;
  total: Decimal;
}

/**
 * An MO's labour so far: the minutes of its work orders' closed time logs and those minutes × their work
 * centers' cost per hour, each rounded to 4 decimals (0 without logs). `moId` is an expression: a
 * parameter, or a column of an outer query (finishMo's update, the costs report's orders still running).
 * `onlyIf`, a condition on the outer row alone, skips the reads when false (Postgres makes it a one-time
 * filter in front of them; as a join condition outside, it was checked only after they ran).
 */
export const labourSql = (moId: Prisma.Sql, onlyIf: Prisma.Sql = Prisma.sql`true`) => Prisma.sql`
  SELECT ROUND(COALESCE(SUM(EXTRACT(EPOCH FROM (t."endedAt" - t."startedAt"))::numeric / 60), 0), 4) AS minutes,
         ROUND(COALESCE(SUM(EXTRACT(EPOCH FROM (t."endedAt" - t."startedAt"))::numeric / 3600 * COALESCE(c."costPerHour", 0)), 0), 4) AS cost
  FROM "WorkOrder" w
  JOIN "WorkOrderTimeLog" t ON t."workOrderId" = w."id" AND t."endedAt" IS NOT NULL
  LEFT JOIN "WorkCenter" c ON c."id" = w."workCenterId"
  WHERE w."moId" = ${moId} AND ${onlyIf}`;

/**
 * The cost per produced unit of an MO's output, (materials + labour) ÷ producedQty, or null when it
 * produced nothing (everything scrapped: no output row; the cost stays a loss in the costs report).
 */
export function outputUnitCost(cost: Pick<MoCost, "material" | "labour">, producedQty: Decimal | number | string): Decimal | null {
  const produced = new Decimal(producedQty.toString());
  if (!produced.gt(0)) return null;
  const total = cost.material.plus(cost.labour);
  // A negative total (impossible with costs ≥ 0, but the ledger could hold odd history) is valued at 0.
  return total.isNegative() ? new Decimal(0) : total.dividedBy(produced);
}
