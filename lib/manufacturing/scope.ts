// "own" scopes (docs/domain.md) for orders: an OPERATOR sees the work orders assigned to them and the
// MOs that have one of those; everything else is invisible to them (404, never 403).
import { scopeOf, type Actor, type Permission } from "../auth/permissions";
import type { Prisma } from "../db/generated/client";
import { notFound } from "../errors";

/** The MOs this actor may read. */
export function visibleMos(actor: Actor): Prisma.ManufacturingOrderWhereInput {
  return scopeOf(actor, "mo:read") === "own" ? { workOrders: { some: { assignedToId: actor.id } } } : {};
}

/** The work orders this actor may read. */
export function visibleWos(actor: Actor): Prisma.WorkOrderWhereInput {
  return scopeOf(actor, "wo:read") === "own" ? { assignedToId: actor.id } : {};
}

/**
 * Throws 404 when the actor holds `perm` only for their own work orders and this one is not
 * assigned to them (an unassigned WO belongs to nobody, so an operator cannot act on it).
 */
export function assertOwnWo(actor: Actor, perm: Permission, wo: { assignedToId: string | null }): void {
  const scope = scopeOf(actor, perm);
  if (scope === "all") return;
  if (scope === "own" && wo.assignedToId === actor.id) return;
  throw notFound("Work order");
}
