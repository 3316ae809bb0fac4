// MO transitions by hand: cancel and complete. Both lock the MO row first (see lock.ts).
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { Prisma } from "../db/generated/client";
import type { Tx } from "../db/client";
import { withTx } from "../db/tx";
import { badRequest, invalidState } from "../errors";
import { assertWholeQuantities } from "../products/units";
import type { DomainEvent, Outcome } from "../realtime/events";
import { withStockTx } from "../inventory/tx";
import { moEvent, woEvent } from "./events";
import { cascadeCancel, type CascadeResult } from "./child-cancel";
import { lockMo } from "./lock";
import { createBackorder } from "./backorder";
import { finishMo } from "./mo-finish";
import { woScrapOf } from "./quantities";
import { getMoDetail, type MoDetail } from "./mo-read";
import type { CancelMoInput, CompleteMoInput } from "./schemas";
import { MO_TARGET, canMo, moFrom } from "./states";
import { closeOpenLog } from "./time-logs";

/**
 * PLANNED | IN_PROGRESS → CANCELED. Running work orders are paused (their open time log closed) so
 * no clock keeps ticking on a canceled order. Canceling a CANCELED MO again changes nothing (200);
 * a DONE MO cannot be canceled (409). With `cascade: true` its PLANNED sub-assembly orders are
 * canceled too, recursively (child-cancel.ts; also when the MO itself was canceled before), and the
 * answer's `cascade` names what was canceled and what was left running.
 */
export async function cancelMo(id: string, input: CancelMoInput, actor: Actor): Promise<Outcome<MoDetail & { cascade?: CascadeResult }>> {
  return withTx(async (tx) => {
    const mo = await lockMo(tx, id);
    if (mo.state === MO_TARGET.cancel) {
      const again = await cascadeCancel(tx, id, input, actor, new Date());
      return { result: { ...(await getMoDetail(id, actor, tx)), ...again.answer }, events: again.events };
    }
    if (!canMo("cancel", mo.state)) throw invalidState("This manufacturing order is DONE: it can no longer be canceled.", { state: mo.state });

    const now = new Date();
    const events: DomainEvent[] = [];
    const running = await tx.workOrder.findMany({ where: { moId: id, status: "STARTED" }, select: { id: true, code: true } });
    for (const wo of running) {
      await closeOpenLog(tx, wo.id, now);
      const paused = await tx.workOrder.update({ where: { id: wo.id }, data: { status: "PAUSED" }, select: { id: true, status: true, moId: true } });
      await writeAudit(tx, { actorId: actor.id, action: "wo.pause", entityType: "WorkOrder", entityId: wo.id, payload: { code: wo.code, from: "STARTED", reason: "mo.cancel" } });
      events.push(woEvent("wo:updated", paused));
    }
    // Under the MO lock the state read above is current, so this update always applies.
    await tx.manufacturingOrder.updateMany({ where: { id, state: { in: moFrom("cancel") } }, data: { state: "CANCELED", canceledAt: now } });
    const cascade = await cascadeCancel(tx, id, input, actor, now);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "mo.cancel",
      entityType: "ManufacturingOrder",
      entityId: id,
      payload: { from: mo.state, ...(input.reason ? { reason: input.reason } : {}), pausedWorkOrders: running.map((w) => w.code), ...cascade.audit },
    });
    return { result: { ...(await getMoDetail(id, actor, tx)), ...cascade.answer }, events: [moEvent("mo:updated", { id, state: "CANCELED" }), ...events, ...cascade.events] };
  });
}

/** With `backorder: true` the answer names the backorder too (null when none was made). */
export type CompleteMoResult = MoDetail | { mo: MoDetail; backorder: MoDetail | null };

/**
 * → DONE by hand (e.g. an MO without work orders, or closing one short), producing `producedQty`
 * (default: the ordered quantity) and scrapping `scrapQty` (default: what its work orders reported
 * as scrap); consumption is snapshot × (produced + scrapped). With `backorder: true` and producedQty
 * below the quantity, a new PLANNED MO for the rest (quantity − producedQty: scrapped units still
 * need making) is created in the same transaction, linked by backorderOfId. Refused while a work
 * order is running. Completing a DONE MO again changes nothing and posts nothing (200); with
 * `backorder: true` it answers its backorder, planning it then (once) when the MO closed short
 * without one, e.g. through its last work order; a CANCELED MO cannot be completed (409); a
 * shortage refuses it all (409).
 */
export async function completeMo(id: string, input: CompleteMoInput, actor: Actor): Promise<Outcome<CompleteMoResult>> {
  return withStockTx(async (tx) => {
    const answer = async (): Promise<CompleteMoResult> => {
      const mo = await getMoDetail(id, actor, tx);
      if (!input.backorder) return mo;
      const made = await tx.manufacturingOrder.findUnique({ where: { backorderOfId: id }, select: { id: true } });
      return { mo, backorder: made ? await getMoDetail(made.id, actor, tx) : null };
    };
    const locked = await lockMo(tx, id);
    if (locked.state === MO_TARGET.complete) {
      const events = input.backorder ? await lateBackorder(tx, id, actor) : [];
      return { result: await answer(), events };
    }
    if (!canMo("complete", locked.state)) throw invalidState("This manufacturing order is CANCELED: it cannot be completed.", { state: locked.state });
    const running = await tx.workOrder.findMany({ where: { moId: id, status: "STARTED" }, select: { id: true, code: true, title: true, assignedToId: true }, orderBy: { sequence: "asc" } });
    if (running.length) {
      throw invalidState(`Work orders are still running (${running.map((w) => w.code).join(", ")}): pause or complete them first.`, { workOrders: running });
    }
    const mo = await tx.manufacturingOrder.findUniqueOrThrow({ where: { id }, select: { id: true, orderNo: true, productId: true, state: true, bomSnapshot: true, quantity: true, sourceLocationId: true, destLocationId: true } });
    await assertWholeQuantities(tx, [
      { path: ["producedQty"], productId: mo.productId, quantity: input.producedQty },
      { path: ["scrapQty"], productId: mo.productId, quantity: input.scrapQty },
    ]);
    const producedQty = input.producedQty === undefined ? mo.quantity : new Prisma.Decimal(input.producedQty);
    const scrapQty = input.scrapQty === undefined ? await woScrapOf(tx, id) : new Prisma.Decimal(input.scrapQty);
    const remainder = mo.quantity.minus(producedQty);
    if (input.backorder && !remainder.greaterThan(0)) {
      throw badRequest(`backorder: ${producedQty.toString()} produced leaves nothing of ${mo.quantity.toString()} to make.`, [
        { path: "backorder", message: "nothing remains: producedQty is not below the quantity" },
      ]);
    }
    const events = await finishMo(tx, mo, { producedQty, scrapQty }, actor, { via: "manual", ...(input.backorder ? { backorder: true } : {}) }, input);
    if (input.backorder) events.push(...(await createBackorder(tx, id, remainder, actor)).events);
    return { result: await answer(), events };
  });
}

/**
 * A backorder for a DONE MO that closed short without one (its last WO reported fewer good units
 * than ordered): quantity − producedQty, made once under the MO lock the caller holds. Nothing when
 * it has one already or nothing remains.
 */
async function lateBackorder(tx: Tx, id: string, actor: Actor): Promise<DomainEvent[]> {
  const mo = await tx.manufacturingOrder.findUniqueOrThrow({ where: { id }, select: { quantity: true, producedQty: true, backorder: { select: { id: true } } } });
  const remainder = mo.quantity.minus(mo.producedQty ?? mo.quantity);
  if (mo.backorder || !remainder.greaterThan(0)) return [];
  return (await createBackorder(tx, id, remainder, actor)).events;
}
