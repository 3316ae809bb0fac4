import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  payload?: Prisma.InputJsonValue;
}

/** Records a change; call it inside the transaction that makes the change. */
export async function writeAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      payload: input.payload ?? {},
    },
  });
}

/** Records several changes in one statement, in the given order (ascending ids); inside the changing transaction. */
export async function writeAudits(tx: Tx, inputs: AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  await tx.auditLog.createMany({
    data: inputs.map((input) => ({ actorId: input.actorId, action: input.action, entityType: input.entityType, entityId: input.entityId, payload: input.payload ?? {} })),
  });
}
