// Shapes shared by the screens, derived from the lib (`import type` only: nothing reaches the bundle).
import type { ROLES, permissionsOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import type { PublicUser } from "@/lib/users/public-user";
import type { Jsonify } from "@/types/json";

export type { Page } from "@/lib/validation/paging";

export type Role = (typeof ROLES)[number];

/** GET /api/me: the signed-in user and their permission table (pages/api/me.ts). */
export interface Me {
  /** `locale`: the saved language, null to follow the browser (absent in the Forbidden page's copy). */
  user: Jsonify<SessionUser> & { locale?: Locale | null };
  permissions: ReturnType<typeof permissionsOf>;
}

/** GET /api/users items. */
export type UserItem = Jsonify<PublicUser>;

/** How a role is named on screen. */
export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  MANAGER: "Manager",
  OPERATOR: "Operator",
  INVENTORY: "Inventory",
  SALES: "Sales",
  VIEWER: "Viewer",
};
