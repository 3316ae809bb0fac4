// The role → permission table (docs/domain.md): one table, used by the API wrapper, the services
// (for "own" scopes) and the UI (to hide what a person may not do). Safe to import in the browser.
import type { UserRole } from "../db/generated/enums";

export const PERMISSIONS = [
  "users:manage",
  "products:read",
  "products:write",
  "workcenters:write",
  "mo:read",
  "mo:write",
  "mo:edit-customer-fields",
  "wo:read",
  "wo:write",
  "wo:execute",
  "wo:comment",
  "stock:read",
  "stock:adjust",
  "reports:read",
  "audit:read",
  "pause-reasons:write",
  "import:run",
  "stations:manage",
  "webhooks:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** "all": every record; "own": only records tied to the user's own work orders. */
export type Scope = "all" | "own";

export const ROLES = ["ADMIN", "MANAGER", "OPERATOR", "INVENTORY", "SALES", "VIEWER"] as const satisfies readonly UserRole[];

const all = (...perms: Permission[]) => Object.fromEntries(perms.map((p) => [p, "all" as Scope]));

export const ROLE_PERMISSIONS: Record<UserRole, Partial<Record<Permission, Scope>>> = {
  ADMIN: all(...PERMISSIONS),
  MANAGER: all(
    "products:read",
    "products:write",
    "workcenters:write",
    "mo:read",
    "mo:write",
    "mo:edit-customer-fields",
    "wo:read",
    "wo:write",
    "wo:execute",
    "wo:comment",
    "stock:read",
    "reports:read",
    "import:run",
    "stations:manage",
  ),
  OPERATOR: {
    "products:read": "own",
    "mo:read": "own",
    "wo:read": "own",
    "wo:execute": "own",
    "wo:comment": "own",
  },
  INVENTORY: all("products:read", "mo:read", "wo:read", "stock:read", "stock:adjust", "reports:read", "import:run"),
  SALES: all("products:read", "mo:read", "mo:edit-customer-fields", "wo:read", "reports:read"),
  VIEWER: all("products:read", "mo:read", "wo:read", "stock:read", "reports:read"),
};

export interface Actor {
  id: string;
  role: UserRole;
  /** An operator identified on a station: their "own" work orders include those of its work centers (docs/stations.md). */
  station?: { workCenterIds: string[] };
}

/** The scope a user has for a permission, or null when they do not have it at all. */
export function scopeOf(user: Pick<Actor, "role"> | null | undefined, perm: Permission): Scope | null {
  if (!user) return null;
  return ROLE_PERMISSIONS[user.role]?.[perm] ?? null;
}

/** Whether the user holds the permission in any scope (ownership is checked by the service). */
export function can(user: Pick<Actor, "role"> | null | undefined, perm: Permission): boolean {
  return scopeOf(user, perm) !== null;
}

/** The permissions of a role, with scopes, as /api/me reports them. */
export function permissionsOf(role: UserRole): { permission: Permission; scope: Scope }[] {
  return PERMISSIONS.filter((p) => ROLE_PERMISSIONS[role][p]).map((p) => ({ permission: p, scope: ROLE_PERMISSIONS[role][p]! }));
}
