// The main navigation, as data: the shell shows an entry only when the user holds its permission
// (null: every signed-in user). Add a page here when it exists.
import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission | null;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Dashboard", permission: null },
  { href: "/admin/users", label: "Users", permission: "users:manage" },
];

/** Whether `href` is the current page (or, except for the dashboard, a page below it). */
export function isActive(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(href + "/");
}
