// Entering DONE: the one place that consumes an MO's materials and books its output.
import type { Actor } from "../auth/permissions";
import { writeAudits, type AuditInput } from "../audit/write";
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { OrderState, Tracking } from "../db/generated/enums";
import type { DomainEvent } from "../realtime/events";
import { postAndAlert } from "../inventory/alerts";
import { lockLevels } from "../stock/levels";
import { moEvent } from "./events";
import { labourSql, outputUnitCost } from "./mo-cost";
import { consumptionLines, outputLines } from "./mo-lots";
import type { CompletionLots } from "./schemas";
import { lineQty, readSnapshot } from "./snapshot";
import { moFrom } from "./states";

export interface FinishableMo {
  id: string;
  orderNo: string;
  productId: string;
  state: OrderState;
  bomSnapshot: Prisma.JsonValue;
  sourceLocationId: string | null;
  destLocationId: string | null;
  /** The product's tracking and SKU when the caller read them already (a WO completion does, with the WO). */
  output?: { tracking: Tracking; sku: string };
}

/** What an MO made: good units (its output) and units scrapped on the way (they used material too). */
export interface FinishQuantities {
  producedQty: Prisma.Decimal | number;
  scrapQty: Prisma.Decimal | number;
}

/**
 * Moves an MO to DONE and posts its stock: bomSnapshot × (producedQty + scrapQty) consumed
 * (MO_CONSUMPTION) and producedQty of the product added (MO_OUTPUT; none when everything was
 * scrapped), in the caller's transaction (which holds the MO lock). The state change is a
 * conditional update and stock is posted only when it won, so the posting happens exactly once
 * whatever the concurrency or retries. A shortage throws InsufficientStockError and the caller's
 * whole transaction rolls back.
 *
 * Where (docs/locations.md "Manufacturing orders"): materials come from the MO's source location when
 * it has one (lots first-expiry-first-out, then oldest), else are picked as postStock picks (STOCK first);
 * `lots.consumedLots` are taken first, the rest picked. Output goes to the destination (default FG), in
 * a lot for a tracked product (lib/manufacturing/mo-lots.ts).
 *
 * `audits`: the caller's own audit rows (the completing WO's), written in the same statement as the MO's
 * and ahead of it, or alone when another transaction finished the order first.
 */
export async function finishMo(
  tx: Tx,
  mo: FinishableMo,
  qty: FinishQuantities,
  actor: Actor,
  via: Prisma.InputJsonObject,
  lots: CompletionLots = {},
  audits: AuditInput[] = [],
): Promise<DomainEvent[]> {
  const { producedQty, scrapQty } = qty;
  const used = new Prisma.Decimal(producedQty.toString()).plus(new Prisma.Decimal(scrapQty.toString()));
  // The conditional update also stores the order's labour (its time logs are all closed by now, and
  // the MO lock keeps them so): the minutes and their cost at today's rates, which value the output
  // below and which the costs report shows from now on, whatever a rate becomes later.
  const at = Prisma.sql`${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC'`;
  const won = await tx.$queryRaw<{ laborCost: Prisma.Decimal }[]>`
    UPDATE "ManufacturingOrder" m
    SET "state" = 'DONE', "producedQty" = ${producedQty.toString()}::numeric, "scrapQty" = ${scrapQty.toString()}::numeric,
        "completedAt" = ${at}, "updatedAt" = ${at},
        ("laborMinutes", "laborCost") = (${labourSql(Prisma.sql`m."id"`)})
    WHERE m."id" = ${mo.id} AND m."state" IN (${Prisma.join(moFrom("complete").map((s) => Prisma.sql`${s}::"OrderState"`))})
    RETURNING m."laborCost"`;
  if (won.length !== 1) {
    await writeAudits(tx, audits);
    return [];
  }

  const snapshot = readSnapshot(mo.bomSnapshot);
  const made = new Prisma.Decimal(producedQty.toString());
  const needs = snapshot.map((l) => ({ line: l, need: lineQty(l, used) }));
  // What needs no stock lock is read first: every statement while the materials' rows are locked is
  // one that every other order consuming them waits for. The output product's tracking does not change with stock.
  const labour = made.isZero() ? null : new Prisma.Decimal(won[0]!.laborCost.toString());
  const outputProduct = mo.output ?? (await tx.product.findUniqueOrThrow({ where: { id: mo.productId }, select: { tracking: true, sku: true } }));
  // A posting takes one source type, so this is two: consumption (what can be refused) then output.
  // Each locks its own StockLevel rows in productId order, but across the two the order is not global:
  // MOs whose outputs feed each other would deadlock. So the consumption locks the output's row too
  // (lockAlso), or, when picking its lines reads balances (a source location, named lots), every row
  // is locked before that.
  const plain = !mo.sourceLocationId && !lots.consumedLots?.length;
  if (!plain) await lockLevels(tx, [...snapshot.map((l) => l.materialId), mo.productId]);
  const consumed = await postAndAlert(tx, {
    lines: await consumptionLines(tx, mo, needs, lots.consumedLots ?? []),
    sourceType: "MO_CONSUMPTION",
    sourceId: mo.id,
    note: `${mo.orderNo}: materials consumed`,
    actorId: actor.id,
    lockAlso: [mo.productId],
  });
  // Everything scrapped: no output row (and no cost per unit of nothing).
  const outputKeys = await outputLines(tx, mo, made, lots.outputLotCode, outputProduct);
  // The materials are the consumption rows just posted (finishMo is the only writer of MO_CONSUMPTION,
  // once per MO: it runs only for the update to DONE that won), so their values need no re-read.
  const material = consumed.entries.reduce((sum, e) => sum.minus(e.value), new Prisma.Decimal(0));
  const unitCost = labour === null ? null : outputUnitCost({ material, labour }, made);
  const output = made.isZero() ? { events: [] } : await postAndAlert(tx, {
    // Valued at what this order really cost per good unit (materials just consumed + labour).
    lines: outputKeys.map((k) => ({ ...k, unitCost })),
    sourceType: "MO_OUTPUT",
    sourceId: mo.id,
    note: `${mo.orderNo}: produced`,
    actorId: actor.id,
  });
  await writeAudits(tx, [
    ...audits,
    {
      actorId: actor.id,
      action: "mo.complete",
      entityType: "ManufacturingOrder",
      entityId: mo.id,
      payload: {
        orderNo: mo.orderNo,
        from: mo.state,
        producedQty: producedQty.toString(),
        scrapQty: scrapQty.toString(),
        ...via,
        ...(lots.consumedLots?.length ? { consumedLots: lots.consumedLots.map((l) => ({ ...l })) } : {}),
        ...(outputKeys.some((k) => k.lotId) ? { outputLots: outputKeys.flatMap((k) => (k.lotId ? [k.lotId] : [])) } : {}),
      },
    },
  ]);
  return [moEvent("mo:updated", { id: mo.id, state: "DONE" }), ...consumed.events, ...output.events];
}
