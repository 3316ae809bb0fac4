// Ranked material availability (DOMAIN-2 §1): open MOs (PLANNED, IN_PROGRESS) are ranked by priority
// (URGENT, HIGH, NORMAL, LOW), deadline (earliest first, none last), creation, then id; for an MO and
// component, allocatedAhead = what the open MOs ranked before it require, available =
// max(0, onHand − allocatedAhead), shortBy = max(0, required − available).
import type { Db, Tx } from "../db/client";
import { Prisma, type Priority } from "../db/generated/client";

type Decimal = Prisma.Decimal;
const Decimal = Prisma.Decimal;

export interface ComponentAvailability {
  required: Decimal;
  onHand: Decimal;
  allocatedAhead: Decimal;
  available: Decimal;
  shortBy: Decimal;
}

export interface DraftOrder {
  productId?: string;
  quantity: Decimal | number;
  priority: Priority;
  deadline: Date | null;
  components: { productId: string; required: Decimal }[];
}

/** URGENT first: the rank of a priority (lower ranks earlier). Kept equal to mes_priority_rank() in SQL. */
export const PRIORITY_RANK: Record<Priority, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

const ZERO = new Decimal(0);
const max0 = (d: Decimal) => (d.isNegative() ? ZERO : d);

/** Availability of each component from its required quantity, on-hand and what is allocated ahead. */
export function availabilityOf(required: Decimal, onHand: Decimal, allocatedAhead: Decimal): ComponentAvailability {
  const available = max0(onHand.minus(allocatedAhead));
  return { required, onHand, allocatedAhead, available, shortBy: max0(required.minus(available)) };
}

/**
 * Availability for an order not created yet, ranked as if created now: after every open MO of a
 * higher priority, of the same priority with an earlier deadline, and of the same priority and
 * deadline (creation breaks ties, and every existing MO was created before it).
 */
export async function availabilityForDraft(db: Tx | Db, draft: DraftOrder): Promise<Map<string, ComponentAvailability>> {
  const required = new Map<string, Decimal>();
  for (const c of draft.components) required.set(c.productId, (required.get(c.productId) ?? ZERO).plus(new Decimal(c.required.toString())));
  const out = new Map<string, ComponentAvailability>();
  if (!required.size) return out;
  const ids = [...required.keys()];
  const rank = PRIORITY_RANK[draft.priority];
  const deadline = draft.deadline;
  // An existing open MO is ahead of the draft when its (priority rank, deadline nulls last) is <= the draft's.
  const deadlineAhead = deadline
    ? Prisma.sql`(r."deadline" IS NOT NULL AND r."deadline" <= ${deadline})`
    : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<{ productId: string; onHand: string; ahead: string }[]>`
    WITH ids AS (SELECT x AS "productId" FROM unnest(ARRAY[${Prisma.join(ids)}]::text[]) AS x)
    SELECT ids."productId",
           COALESCE(l."onHand", 0)::text AS "onHand",
           COALESCE((SELECT SUM(r."required") FROM "MoRequirement" r
                     WHERE r."productId" = ids."productId"
                       AND (r."priorityRank" < ${rank} OR (r."priorityRank" = ${rank} AND ${deadlineAhead}))), 0)::text AS "ahead"
    FROM ids LEFT JOIN "StockLevel" l ON l."productId" = ids."productId"`;
  for (const r of rows) out.set(r.productId, availabilityOf(required.get(r.productId)!, new Decimal(r.onHand), new Decimal(r.ahead)));
  return out;
}
