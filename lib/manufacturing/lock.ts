// Row locks that serialize manufacturing transitions. Lock order, everywhere: the MO row first,
// then (for a start) the acting user's row; StockLevel rows come last, inside postStock.
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { OrderState } from "../db/generated/enums";
import { notFound } from "../errors";

/**
 * Locks an MO row for the rest of the transaction: every MO and WO transition takes this first, so
 * transitions of one MO (e.g. two operators completing its last two WOs) run one after another.
 */
export async function lockMo(tx: Tx, moId: string): Promise<{ id: string; state: OrderState }> {
  const rows = await tx.$queryRaw<{ id: string; state: OrderState }[]>`
    SELECT "id", "state"::text AS "state" FROM "ManufacturingOrder" WHERE "id" = ${moId} FOR UPDATE`;
  if (!rows[0]) throw notFound("Manufacturing order");
  return rows[0];
}

/**
 * Finds a work order by id or code (`WO-…`, as wo-read.ts woWhere tells them apart) and locks its MO's row, in one statement (lockMo after a
 * lookup took two). Answers the WO's id; 404 when there is none. Only the MO row is locked: the caller
 * reads the WO again after this, as rows not locked here may have changed while it waited.
 */
export async function lockMoOfWo(tx: Tx, ref: string): Promise<string> {
  const match = ref.startsWith("WO-") ? Prisma.sql`w."code" = ${ref}` : Prisma.sql`w."id" = ${ref}`;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT w."id" FROM "WorkOrder" w JOIN "ManufacturingOrder" m ON m."id" = w."moId" WHERE ${match} FOR UPDATE OF m`;
  if (!rows[0]) throw notFound("Work order");
  return rows[0].id;
}

/**
 * Locks a user's row (FOR NO KEY UPDATE: rows referencing the user can still be inserted) so that
 * two starts by the same person on WOs of different MOs cannot both pass the one-open-log check.
 */
export async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR NO KEY UPDATE`;
}
