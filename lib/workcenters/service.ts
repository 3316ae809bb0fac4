import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { prisma } from "../db/client";
import type { Prisma, WorkCenter } from "../db/generated/client";
import { withTx } from "../db/tx";
import { conflict, notFound } from "../errors";
import { pageArgs, type Page } from "../validation/paging";
import { plainValue } from "../products/numbers";
import type { CreateWorkCenterInput, ListWorkCentersQuery, UpdateWorkCenterInput } from "./schemas";

/** Lists work centers by name, optionally only active or inactive ones. */
export async function listWorkCenters(q: ListWorkCentersQuery): Promise<Page<WorkCenter>> {
  const where: Prisma.WorkCenterWhereInput = q.active !== undefined ? { active: q.active } : {};
  const [items, total] = await Promise.all([
    prisma().workCenter.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], ...pageArgs(q) }),
    prisma().workCenter.count({ where }),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One work center, or 404. */
export async function getWorkCenter(id: string): Promise<WorkCenter> {
  const w = await prisma().workCenter.findUnique({ where: { id } });
  if (!w) throw notFound("Work center");
  return w;
}

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
