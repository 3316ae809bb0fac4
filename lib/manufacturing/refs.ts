// Checks of the records a work order body points at: they come from the body, so a bad one is 400.
import type { Tx } from "../db/client";
import { badRequest } from "../errors";

/** Roles that can be given work orders: they hold wo:execute. */
const ASSIGNABLE = ["OPERATOR", "MANAGER", "ADMIN"] as const;

/** An assignee must be an active OPERATOR, MANAGER or ADMIN. */
export async function assertAssignable(tx: Tx, userId: string): Promise<{ id: string; name: string }> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, active: true } });
  if (!user || !user.active || !(ASSIGNABLE as readonly string[]).includes(user.role)) {
    throw badRequest("assignedToId: must be an active operator, manager or admin.", [{ path: "assignedToId", message: "not an active operator, manager or admin" }]);
  }
  return { id: user.id, name: user.name };
}

/** A work center must exist and be active. */
export async function assertWorkCenter(tx: Tx, id: string): Promise<void> {
  const wc = await tx.workCenter.findUnique({ where: { id }, select: { active: true } });
  if (!wc || !wc.active) throw badRequest("workCenterId: no such active work center.", [{ path: "workCenterId", message: "no such active work center" }]);
}
