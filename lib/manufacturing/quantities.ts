// Quantities through the routing (docs/domain.md "Good and scrap"): what reaches an operation is
// the MO's quantity for its first work order and the previous operation's good units after that.
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

interface WoPlace {
  id: string;
  moId: string;
  sequence: number;
}

/**
 * What reaches each given work order: the good units of the nearest earlier operation that is
 * COMPLETED (an operation completed out of order takes what the last completed one passed on), or
 * the MO's quantity when none before it is. One query for the MOs, one for their completed WOs.
 */
export async function reachedOf(db: Tx, wos: WoPlace[]): Promise<Map<string, Decimal>> {
  const out = new Map<string, Decimal>();
  if (!wos.length) return out;
  const moIds = [...new Set(wos.map((w) => w.moId))];
  const [mos, done] = await Promise.all([
    db.manufacturingOrder.findMany({ where: { id: { in: moIds } }, select: { id: true, quantity: true } }),
    db.workOrder.findMany({ where: { moId: { in: moIds }, status: "COMPLETED" }, select: { moId: true, sequence: true, goodQty: true }, orderBy: { sequence: "desc" } }),
  ]);
  const quantity = new Map(mos.map((m) => [m.id, new Decimal(m.quantity.toString())]));
  for (const wo of wos) {
    const before = done.find((d) => d.moId === wo.moId && d.sequence < wo.sequence && d.goodQty !== null);
    out.set(wo.id, before ? new Decimal(before.goodQty!.toString()) : (quantity.get(wo.moId) ?? new Decimal(0)));
  }
  return out;
}

/**
 * reachedOf's rule as one column of a query over a work order `w` joined to its MO `m`: the good units
 * of the nearest earlier COMPLETED operation, else the MO's quantity. A transition reads it with the
 * locked WO (wo-transitions.ts readLocked) and in its answer (itemOf); production-quantities.test.ts holds
 * it equal to reachedOf through reachedAt, for every work order its tests leave behind.
 */
export const REACHED_SQL = Prisma.sql`COALESCE((SELECT d."goodQty" FROM "WorkOrder" d
    WHERE d."moId" = w."moId" AND d."status" = 'COMPLETED' AND d."sequence" < w."sequence" AND d."goodQty" IS NOT NULL
    ORDER BY d."sequence" DESC LIMIT 1), m."quantity")`;

/** What reaches one work order, by REACHED_SQL (one statement; reachedOf takes two). */
export async function reachedAt(db: Tx, wo: WoPlace): Promise<Decimal> {
  const [r] = await db.$queryRaw<{ reachedQty: Decimal }[]>`
    SELECT ${REACHED_SQL} AS "reachedQty" FROM "WorkOrder" w JOIN "ManufacturingOrder" m ON m."id" = w."moId" WHERE w."id" = ${wo.id}`;
  return new Decimal(r!.reachedQty.toString());
}

/** The rows with `reachedQty` added (see reachedOf). */
export async function withReached<T extends WoPlace>(db: Tx, rows: T[]): Promise<(T & { reachedQty: Decimal })[]> {
  const reached = await reachedOf(db, rows);
  return rows.map((r) => ({ ...r, reachedQty: reached.get(r.id)! }));
}

/** Σ of the scrap its work orders reported (0 when none). */
export async function woScrapOf(db: Tx, moId: string): Promise<Decimal> {
  const sum = await db.workOrder.aggregate({ where: { moId }, _sum: { scrapQty: true } });
  return new Decimal((sum._sum.scrapQty ?? 0).toString());
}
