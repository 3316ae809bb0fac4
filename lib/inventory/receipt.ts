// Use case: goods received (POST /api/stock/receipts).
import type { Actor } from "../auth/permissions";
import { prisma } from "../db/client";
import { assertWholeQuantities } from "../products/units";
import type { Outcome } from "../realtime/events";
import { recordMovement, type MovementResult } from "./movement";
import type { ReceiptInput } from "../stock/schemas";

/** Goods received: a RECEIPT entry whose sourceId is the delivery reference (e.g. a PO or packing-slip number), valued at its unitCost when given. */
export async function receiveStock(input: ReceiptInput, actor: Actor): Promise<Outcome<MovementResult>> {
  await assertWholeQuantities(prisma(), [{ path: ["quantity"], productId: input.productId, quantity: input.quantity }]);
  return recordMovement(
    {
      productId: input.productId,
      change: input.quantity,
      unitCost: input.unitCost,
      sourceType: "RECEIPT",
      sourceId: input.reference,
      note: input.note,
      refuseArchived: true,
      audit: { action: "stock.receipt", payload: { reference: input.reference ?? null, unitCost: input.unitCost ?? null, note: input.note ?? null } },
    },
    actor,
  );
}
