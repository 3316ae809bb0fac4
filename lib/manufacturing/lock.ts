// Row locks that serialize manufacturing transitions. Lock order, everywhere: the MO row first,
// then (for a start) the acting user's row; StockLevel rows come last, inside postStock.
import type { Tx } from "../db/client";
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
 * Locks a user's row (FOR NO KEY UPDATE: rows referencing the user can still be inserted) so that
 * two starts by the same person on WOs of different MOs cannot both pass the one-open-log check.
 */
export async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR NO KEY UPDATE`;
}
