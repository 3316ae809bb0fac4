// The main navigation, as data: the shell shows an entry only when the user holds its permission
// (null: every signed-in user). Add a page here when it exists, with its name under `nav.` in the
// shell catalogs (messages/<locale>/shell.json).
import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  /** The entry's name: the key under `nav.` of the shell namespace. */
  label: NavLabel;
  permission: Permission | null;
  /** Hide the entry from users who hold the permission only for their own records (operators). */
  allRecords?: boolean;
}

export type NavLabel = "dashboard" | "myWork" | "orders" | "stageBoard" | "workOrders" | "products" | "workCenters" | "stock" | "reports" | "users" | "audit" | "pauseReasons" | "webhooks" | "import" | "stations" | "badges" | "profile";

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "dashboard", permission: null },
  { href: "/operator", label: "myWork", permission: "wo:execute" },
  { href: "/mos", label: "orders", permission: "mo:read", allRecords: true },
  { href: "/mos/board", label: "stageBoard", permission: "mo:read", allRecords: true },
  { href: "/workorders", label: "workOrders", permission: "wo:read", allRecords: true },
  { href: "/products", label: "products", permission: "products:read", allRecords: true },
  { href: "/workcenters", label: "workCenters", permission: "workcenters:write" },
  { href: "/stock", label: "stock", permission: "stock:read" },
  { href: "/reports", label: "reports", permission: "reports:read" },
  { href: "/admin/users", label: "users", permission: "users:manage" },
  { href: "/admin/audit", label: "audit", permission: "audit:read" },
  { href: "/admin/pause-reasons", label: "pauseReasons", permission: "pause-reasons:write" },
  { href: "/admin/webhooks", label: "webhooks", permission: "webhooks:manage" },
  { href: "/import", label: "import", permission: "import:run" },
  { href: "/station/setup", label: "stations", permission: "stations:manage" },
  { href: "/admin/badges", label: "badges", permission: "users:manage" },
  { href: "/profile", label: "profile", permission: null },
];

const under = (href: string, pathname: string) => pathname === href || pathname.startsWith(href + "/");

/**
 * Whether `href` is the current page (or, except for the dashboard, a page below it), unless a
 * deeper entry covers it (on /mos/board the stage board is current, not the orders).
 */
export function isActive(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return under(href, pathname) && !NAV_ITEMS.some((o) => o.href.length > href.length && o.href.startsWith(href + "/") && under(o.href, pathname));
}
