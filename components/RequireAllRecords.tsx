import type { ReactNode } from "react";
import type { Permission } from "@/lib/auth/permissions";
import { Forbidden } from "./Forbidden";
import { hasPermission, useSignedInUser } from "./useMe";

/**
 * Like RequirePermission, but only for roles that hold `permission` for every record: the planning
 * lists are not meant for operators, who read only what concerns their own work orders.
 */
export function RequireAllRecords({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useSignedInUser();
  if (!hasPermission(me, permission, true)) return <Forbidden role={me.user.role} />;
  return <>{children}</>;
}
