import type { ReactNode } from "react";
import type { Permission } from "@/lib/auth/permissions";
import { Forbidden } from "./Forbidden";
import { hasPermission, useSignedInUser } from "./useMe";

/** Renders its children only for users holding `permission`; everyone else sees the Forbidden page. Use inside <AppShell>. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useSignedInUser();
  if (!hasPermission(me, permission)) return <Forbidden role={me.user.role} />;
  return <>{children}</>;
}
