// "own" scopes (docs/domain.md) for orders: an OPERATOR sees the work orders assigned to them and the
// MOs that have one of those; everything else is invisible to them (404, never 403).
import { scopeOf, type Actor, type Permission } from "../auth/permissions";
import type { Prisma } from "../db/generated/client";
import { notFound } from "../errors";

/** An operator's own work orders: assigned to them, and on a station also those of its work centers (docs/stations.md). */
function ownWos(actor: Actor): Prisma.WorkOrderWhereInput {
  const wcs = actor.station?.workCenterIds;
  return wcs?.length ? { OR: [{ assignedToId: actor.id }, { workCenterId: { in: wcs } }] } : { assignedToId: actor.id };
}

/** The MOs this actor may read. */
export function visibleMos(actor: Actor): Prisma.ManufacturingOrderWhereInput {
  return scopeOf(actor, "mo:read") === "own" ? { workOrders: { some: ownWos(actor) } } : {};
}

/** The work orders this actor may read. */
export function visibleWos(actor: Actor): Prisma.WorkOrderWhereInput {
  return scopeOf(actor, "wo:read") === "own" ? ownWos(actor) : {};
}

/**
 * Throws 404 when the actor holds `perm` only for their own work orders and this one is not
 * assigned to them (an unassigned WO belongs to nobody, so an operator cannot act on it).
 */
export function assertOwnWo(actor: Actor, perm: Permission, wo: { assignedToId: string | null; workCenterId?: string | null }): void {
  const scope = scopeOf(actor, perm);
  if (scope === "all") return;
  if (scope === "own" && wo.assignedToId === actor.id) return;
  // On a station, the work centers' queue is shared by the operators who identify there.
  if (scope === "own" && wo.workCenterId && actor.station?.workCenterIds.includes(wo.workCenterId)) return;
  throw notFound("Work order");
}
