// What an MO really cost, from the ledger and the time logs (docs/domain.md "Valuation"): its
// materials are the value of its MO_CONSUMPTION rows (each valued at the material's moving average at
// that moment, so a sub-assembly counts at what its own order really cost), its labour the closed
// time logs of its work orders × their work centers' cost per hour. The MO's output enters stock at
// (materials + labour) ÷ producedQty per unit. The costs report (lib/reports/export/reports/costs.ts)
// computes the same figures in SQL for many orders at once.
import type { Tx } from "../db/client";
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

/** The MO's labour: its work orders' closed time logs × their work centers' cost per hour, rounded to 4 decimals. */
const labourSql = (moId: string) => Prisma.sql`
  SELECT ROUND(SUM(EXTRACT(EPOCH FROM (t."endedAt" - t."startedAt"))::numeric / 3600 * COALESCE(c."costPerHour", 0)), 4)
  FROM "WorkOrder" w
  JOIN "WorkOrderTimeLog" t ON t."workOrderId" = w."id" AND t."endedAt" IS NOT NULL
  LEFT JOIN "WorkCenter" c ON c."id" = w."workCenterId"
  WHERE w."moId" = ${moId}`;

/** The MO's labour. Its time logs are all closed when it finishes, so finishMo reads this before it locks any stock. */
export async function moLabour(tx: Tx, moId: string): Promise<Decimal> {
  const [row] = await tx.$queryRaw<{ labour: Decimal | null }[]>`SELECT (${labourSql(moId)}) AS labour`;
  return new Decimal((row?.labour ?? 0).toString());
}

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
