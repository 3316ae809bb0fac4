import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import type { Prisma, WorkCenter } from "../db/generated/client";
import { withTx } from "../db/tx";
import { conflict, notFound } from "../errors";
import { plainValue } from "../products/numbers";
import type { UpdateWorkCenterInput } from "./schemas";

const FIELDS = ["name", "description", "costPerHour", "capacity", "active"] as const;

/** Changes a work center; deactivating keeps existing BOMs and WOs but new BOMs cannot use it. */
export async function updateWorkCenter(id: string, input: UpdateWorkCenterInput, actor: Actor): Promise<WorkCenter> {
  return withTx(async (tx) => {
    const before = await tx.workCenter.findUnique({ where: { id } });
    if (!before) throw notFound("Work center");
    if (input.name !== undefined && input.name !== before.name && (await tx.workCenter.findUnique({ where: { name: input.name }, select: { id: true } }))) {
      throw conflict(`A work center named ${input.name} already exists.`);
    }
    const w = await tx.workCenter.update({ where: { id }, data: input });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of FIELDS) {
      if (input[k] !== undefined && plainValue(input[k]) !== plainValue(before[k])) changes[k] = { from: plainValue(before[k]), to: plainValue(input[k]) };
    }
    await writeAudit(tx, { actorId: actor.id, action: "workcenter.update", entityType: "WorkCenter", entityId: id, payload: changes as Prisma.InputJsonObject });
    return w;
  });
}
