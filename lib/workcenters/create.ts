import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import type { WorkCenter } from "../db/generated/client";
import { withTx } from "../db/tx";
import { conflict } from "../errors";
import type { CreateWorkCenterInput } from "./schemas";

/** Creates a work center (name unique). */
export async function createWorkCenter(input: CreateWorkCenterInput, actor: Actor): Promise<WorkCenter> {
  return withTx(async (tx) => {
    if (await tx.workCenter.findUnique({ where: { name: input.name }, select: { id: true } })) throw conflict(`A work center named ${input.name} already exists.`);
    const w = await tx.workCenter.create({
      data: { name: input.name, description: input.description ?? null, costPerHour: input.costPerHour, capacity: input.capacity },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "workcenter.create",
      entityType: "WorkCenter",
      entityId: w.id,
      payload: { name: w.name, costPerHour: input.costPerHour, capacity: w.capacity },
    });
    return w;
  });
}
