import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { countCapped, pageArgs, type Page } from "../validation/paging";
import { instantRange as createdAtRange } from "../validation/dates";
import type { ListAuditQuery } from "./schemas";

const auditRow = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  payload: true,
  createdAt: true,
  actorId: true,
  actor: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.AuditLogSelect;
export type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof auditRow }>;

/** The audit trail, newest first, filtered by entity, actor, action and time. */
export async function listAudit(q: ListAuditQuery): Promise<Page<AuditRow>> {
  const where: Prisma.AuditLogWhereInput = {
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.from || q.to ? { createdAt: createdAtRange(q.from, q.to) } : {}),
  };
  // id is monotonic, so it orders rows written in the same millisecond (or transaction) too.
  const [items, count] = await Promise.all([
    prisma().auditLog.findMany({ where, select: auditRow, orderBy: { id: "desc" }, ...pageArgs(q) }),
    countCapped((take) => prisma().auditLog.count({ where, take }), q),
  ]);
  return { items, ...count, page: q.page, pageSize: q.pageSize };
}
