// What each role's dashboard is for: its heading, a line of context and quick links.
import type { Permission } from "@/lib/auth/permissions";
import type { Role } from "../types";

export interface DashboardLink {
  href: string;
  label: string;
  description: string;
  permission: Permission;
}

export interface DashboardContent {
  heading: string;
  summary: string;
  links: DashboardLink[];
}

export const DASHBOARDS: Record<Role, DashboardContent> = {
  ADMIN: {
    heading: "Admin dashboard",
    summary: "Manage who can use MES and what they may do, and keep an eye on the whole plant.",
    links: [
      { href: "/admin/users", label: "Users", description: "Create accounts, change roles, reset passwords and deactivate people.", permission: "users:manage" },
      { href: "/admin/audit", label: "Audit log", description: "Every change, who made it and when.", permission: "audit:read" },
    ],
  },
  MANAGER: {
    heading: "Manager dashboard",
    summary: "Plan and follow production: manufacturing orders, work orders and the load on each work center.",
    links: [],
  },
  OPERATOR: {
    heading: "My work orders",
    summary: "The work orders assigned to you, ready to start, pause and complete with a tap.",
    links: [],
  },
  INVENTORY: {
    heading: "Inventory dashboard",
    summary: "Stock you can trust: levels, receipts, manual adjustments and low-stock alerts.",
    links: [],
  },
  SALES: {
    heading: "Sales dashboard",
    summary: "Where customer orders stand, and the customer-facing details of each manufacturing order.",
    links: [],
  },
  VIEWER: {
    heading: "Production overview",
    summary: "A read-only view of production: orders, work orders, stock and key figures.",
    links: [],
  },
};
