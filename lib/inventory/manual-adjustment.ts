// Use case: a manual stock correction with its reason (POST /api/stock/manual).
import type { Actor } from "../auth/permissions";
import { prisma } from "../db/client";
import { assertWholeQuantities } from "../products/units";
import type { Outcome } from "../realtime/events";
import { recordMovement, type MovementResult } from "./movement";
import type { ManualAdjustmentInput } from "../stock/schemas";

/** A manual correction (count difference, damage, found goods): a MANUAL entry whose note is the reason. */
export async function adjustStock(input: ManualAdjustmentInput, actor: Actor & { name: string }): Promise<Outcome<MovementResult>> {
  await assertWholeQuantities(prisma(), [{ path: ["change"], productId: input.productId, quantity: input.change }]);
  return recordMovement(
    { productId: input.productId, change: input.change, locationId: input.locationId, lotId: input.lotId, sourceType: "MANUAL", note: input.note, audit: { action: "stock.manual", payload: { note: input.note } } },
    actor,
  );
}
