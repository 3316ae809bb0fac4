import type { Permission } from "@/lib/auth/permissions";
import type { Me } from "../../types";

/** Whether `me` may use `perm` on this WO: with the "all" scope, or "own" and it is assigned to them (the API's rule). */
function mayOnWo(me: Me, perm: Permission, wo: { assignedToId: string | null }): boolean {
  const grant = me.permissions.find((p) => p.permission === perm);
  if (!grant) return false;
  return grant.scope === "all" || wo.assignedToId === me.user.id;
}

/** Start / pause / complete (wo:execute). */
export const canExecute = (me: Me, wo: { assignedToId: string | null }) => mayOnWo(me, "wo:execute", wo);

/** Comments and issues (wo:comment). */
export const canComment = (me: Me, wo: { assignedToId: string | null }) => mayOnWo(me, "wo:comment", wo);

/** Someone who runs only their own work (an operator): gets the tablet-sized layout and the scan box. */
export function worksOwnOrders(me: Me): boolean {
  return me.permissions.some((p) => p.permission === "wo:execute" && p.scope === "own");
}
