// The main navigation, as data: the shell shows an entry only when the user holds its permission
// (null: every signed-in user). Add a page here when it exists.
import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission | null;
  /** Hide the entry from users who hold the permission only for their own records (operators). */
  allRecords?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Dashboard", permission: null },
  { href: "/operator", label: "My work", permission: "wo:execute" },
  { href: "/mos", label: "Orders", permission: "mo:read", allRecords: true },
  { href: "/workorders", label: "Work orders", permission: "wo:read", allRecords: true },
  { href: "/products", label: "Products", permission: "products:read", allRecords: true },
  { href: "/workcenters", label: "Work centers", permission: "workcenters:write" },
  { href: "/stock", label: "Stock", permission: "stock:read" },
  { href: "/reports", label: "Reports", permission: "reports:read" },
  { href: "/admin/users", label: "Users", permission: "users:manage" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
];

/** Whether `href` is the current page (or, except for the dashboard, a page below it). */
export function isActive(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(href + "/");
}
