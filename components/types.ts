// Shapes of the API responses the screens use (see DOMAIN.md, "API contract").
import type { Permission, ROLES, Scope } from "@/lib/auth/permissions";

export type Role = (typeof ROLES)[number];

export interface Me {
  user: { id: string; email: string; name: string; role: Role };
  permissions: { permission: Permission; scope: Scope }[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UserItem {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

/** How a role is named on screen. */
export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  MANAGER: "Manager",
  OPERATOR: "Operator",
  INVENTORY: "Inventory",
  SALES: "Sales",
  VIEWER: "Viewer",
};
