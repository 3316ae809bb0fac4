// Planning work orders: adding one to an MO, and editing / assigning / transferring one.
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import type { Prisma } from "../db/generated/client";
import { withTx } from "../db/tx";
import { invalidState, notFound } from "../errors";
import { toJson } from "../http/serialize";
import type { DomainEvent, Outcome } from "../realtime/events";
import { woEvent } from "./events";
import { lockMo } from "./lock";
import { diff } from "./diff";
import { assertAssignable, assertWorkCenter } from "./refs";
import { isClosed, woCanReassign } from "./states";
import type { CreateWoInput, UpdateWoInput } from "./schemas";
import { toWoItem, woItemSelect, type WoItem } from "./views";
import { notifyAssignment } from "./wo-notify";
import { woWhere } from "./wo-read";

/** Adds a PENDING work order to an open MO, after its last one (sequence = max + 1, under the MO lock). */
export async function createWo(moId: string, input: CreateWoInput, actor: Actor): Promise<Outcome<WoItem>> {
  return withTx(async (tx) => {
    const mo = await lockMo(tx, moId);
    if (isClosed(mo.state)) throw invalidState(`This manufacturing order is ${mo.state}: no work orders can be added.`, { state: mo.state });
    if (input.assignedToId) await assertAssignable(tx, input.assignedToId);
    if (input.workCenterId) await assertWorkCenter(tx, input.workCenterId);
    const last = await tx.workOrder.aggregate({ where: { moId }, _max: { sequence: true } });
    const row = await tx.workOrder.create({
      data: {
        moId,
        sequence: (last._max.sequence ?? 0) + 1,
        title: input.title,
        description: input.description ?? null,
        assignedToId: input.assignedToId ?? null,
        workCenterId: input.workCenterId ?? null,
        plannedMin: input.plannedMin ?? null,
      },
      select: woItemSelect,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "wo.create",
      entityType: "WorkOrder",
      entityId: row.id,
      payload: { code: row.code, moId, sequence: row.sequence, title: row.title, assignedToId: row.assignedToId },
    });
    const events: DomainEvent[] = [woEvent("wo:created", row)];
    if (row.assignedToId) events.push(...(await notifyAssignment(tx, row, null, row.assignedToId)));
    return { result: toWoItem(row), events };
  });
}

/**
 * Edits a work order: title, description, work center, planned minutes, and its assignee (null
 * unassigns). COMPLETED WOs and WOs of DONE/CANCELED MOs are final (409); a STARTED WO cannot change
 * hands (409: pause it first — its open time log belongs to whoever is working). Values equal to the
 * current ones change nothing.
 */
export async function updateWo(ref: string, input: UpdateWoInput, actor: Actor): Promise<Outcome<WoItem>> {
  return withTx(async (tx) => {
    const found = await tx.workOrder.findFirst({ where: woWhere(ref), select: { id: true, moId: true } });
    if (!found) throw notFound("Work order");
    await lockMo(tx, found.moId);
    const wo = await tx.workOrder.findUniqueOrThrow({ where: { id: found.id }, select: woItemSelect });
    if (wo.status === "COMPLETED") throw invalidState(`${wo.code} is COMPLETED: it can no longer be changed.`, { status: wo.status });
    if (isClosed(wo.mo.state)) throw invalidState(`${wo.mo.orderNo} is ${wo.mo.state}: its work orders can no longer be changed.`, { moState: wo.mo.state });

    const changes = diff(wo, input);
    if (!Object.keys(changes).length) return { result: toWoItem(wo), events: [] };

    const reassigned = "assignedToId" in changes;
    if (reassigned && !woCanReassign(wo.status)) throw invalidState(`${wo.code} is STARTED: pause it before changing its assignee.`, { status: wo.status });
    if (reassigned && input.assignedToId) await assertAssignable(tx, input.assignedToId);
    if ("workCenterId" in changes && input.workCenterId) await assertWorkCenter(tx, input.workCenterId);

    const data: Prisma.WorkOrderUncheckedUpdateInput = {};
    for (const k of Object.keys(changes) as (keyof UpdateWoInput)[]) Object.assign(data, { [k]: input[k] });
    const row = await tx.workOrder.update({ where: { id: wo.id }, data, select: woItemSelect });

    const { assignedToId, ...others } = changes;
    if (assignedToId) {
      await writeAudit(tx, { actorId: actor.id, action: "wo.assign", entityType: "WorkOrder", entityId: wo.id, payload: { code: wo.code, from: wo.assignedToId, to: row.assignedToId } });
    }
    if (Object.keys(others).length) {
      await writeAudit(tx, { actorId: actor.id, action: "wo.update", entityType: "WorkOrder", entityId: wo.id, payload: { code: wo.code, ...(toJson(others) as Prisma.InputJsonObject) } });
    }
    const updated = woEvent("wo:updated", row);
    // The previous assignee's screens must hear of it too (lib/realtime/routing reads this field).
    if (assignedToId && wo.assignedToId) updated.payload.previousAssignedToId = wo.assignedToId;
    const events: DomainEvent[] = [updated];
    if (assignedToId) events.push(...(await notifyAssignment(tx, row, wo.assignedToId, row.assignedToId)));
    return { result: toWoItem(row), events };
  });
}
