// Cancel with cascade (`POST /api/mos/:id/cancel { cascade: true }`): the canceled MO's PLANNED
// sub-assembly orders are canceled too, and theirs, to any depth. A child already running
// (IN_PROGRESS) is left as it is, named in the answer and the audit, and the walk stops there: what
// it needs is still needed. DONE and CANCELED children are history and are not touched.
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import type { Tx } from "../db/client";
import type { OrderState } from "../db/generated/enums";
import type { DomainEvent } from "../realtime/events";
import { moEvent } from "./events";
import { lockMo } from "./lock";

export interface CascadeLink {
  id: string;
  orderNo: string;
  state: OrderState;
}

export interface CascadeResult {
  /** PLANNED descendants this cancel canceled. */
  canceled: CascadeLink[];
  /** Descendants left open because they are already in progress. */
  leftOpen: CascadeLink[];
}

/**
 * Cancels the PLANNED children of `parent` (locked by the caller), recursively. Each child row is
 * locked (parent before child, the same order as everywhere: an MO before what hangs below it) and
 * re-read under the lock, so a child started meanwhile is left open, not canceled.
 */
export async function cancelPlannedChildren(tx: Tx, parentId: string, actor: Actor, reason: string | undefined, now: Date): Promise<CascadeResult & { events: DomainEvent[] }> {
  const parent = await tx.manufacturingOrder.findUniqueOrThrow({ where: { id: parentId }, select: { id: true, orderNo: true } });
  const out: CascadeResult & { events: DomainEvent[] } = { canceled: [], leftOpen: [], events: [] };
  const walk = async (p: { id: string; orderNo: string }, seen: Set<string>): Promise<void> => {
    const children = await tx.manufacturingOrder.findMany({ where: { parentId: p.id }, select: { id: true, orderNo: true }, orderBy: [{ createdAt: "asc" }, { orderNo: "asc" }] });
    for (const child of children) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      const { state } = await lockMo(tx, child.id);
      if (state === "IN_PROGRESS") {
        out.leftOpen.push({ ...child, state });
        continue;
      }
      if (state !== "PLANNED") continue;
      await tx.manufacturingOrder.update({ where: { id: child.id }, data: { state: "CANCELED", canceledAt: now } });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "mo.cancel",
        entityType: "ManufacturingOrder",
        entityId: child.id,
        payload: { from: state, cascadeOf: parent.orderNo, parentOrderNo: p.orderNo, ...(reason ? { reason } : {}), pausedWorkOrders: [] },
      });
      out.canceled.push({ ...child, state: "CANCELED" });
      out.events.push(moEvent("mo:updated", { id: child.id, state: "CANCELED" }));
      await walk(child, seen);
    }
  };
  await walk(parent, new Set([parent.id]));
  return out;
}

/**
 * What cancelMo adds for `{ cascade: true }` (nothing without it): the answer's `cascade` field, the
 * parent's audit payload fields (order numbers) and the children's events.
 */
export async function cascadeCancel(
  tx: Tx,
  id: string,
  input: { cascade?: boolean; reason?: string },
  actor: Actor,
  now: Date,
): Promise<{ answer: { cascade?: CascadeResult }; audit: { cascade?: { canceled: string[]; leftOpen: string[] } }; events: DomainEvent[] }> {
  if (!input.cascade) return { answer: {}, audit: {}, events: [] };
  const { canceled, leftOpen, events } = await cancelPlannedChildren(tx, id, actor, input.reason, now);
  return {
    answer: { cascade: { canceled, leftOpen } },
    audit: { cascade: { canceled: canceled.map((c) => c.orderNo), leftOpen: leftOpen.map((c) => c.orderNo) } },
    events,
  };
}
