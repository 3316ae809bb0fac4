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
 * What reaches one work order whose MO's quantity the caller holds (a transition, under the MO's
 * lock): reachedOf's rule in one statement instead of two. production-quantities.test.ts holds the
 * two equal.
 */
export async function reachedAt(db: Tx, wo: WoPlace, moQuantity: Decimal): Promise<Decimal> {
  const [before] = await db.$queryRaw<{ goodQty: Decimal }[]>`
    SELECT "goodQty" FROM "WorkOrder"
    WHERE "moId" = ${wo.moId} AND "status" = 'COMPLETED' AND "sequence" < ${wo.sequence} AND "goodQty" IS NOT NULL
    ORDER BY "sequence" DESC LIMIT 1`;
  return before ? new Decimal(before.goodQty.toString()) : new Decimal(moQuantity.toString());
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
