// What each role's dashboard is for. Placeholders until the screens behind them exist: each lists
// what the dashboard will show, so people can tell they landed in the right place.
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
  upcoming: string[];
  links: DashboardLink[];
}

export const DASHBOARDS: Record<Role, DashboardContent> = {
  ADMIN: {
    heading: "Admin dashboard",
    summary: "Manage who can use MES and what they may do, and keep an eye on the whole plant.",
    upcoming: ["Users by role and recently changed accounts", "The audit log of every change", "Production, stock and order overviews of every other role"],
    links: [{ href: "/admin/users", label: "Users", description: "Create accounts, change roles, reset passwords and deactivate people.", permission: "users:manage" }],
  },
  MANAGER: {
    heading: "Manager dashboard",
    summary: "Plan and follow production: manufacturing orders, work orders and the load on each work center.",
    upcoming: ["Manufacturing orders by state, with late orders first", "Work center load and unassigned work orders", "Material shortages for planned orders"],
    links: [],
  },
  OPERATOR: {
    heading: "My work orders",
    summary: "The work orders assigned to you, ready to start, pause and complete with a tap.",
    upcoming: ["Your work orders in the order to run them", "Start, pause and complete, with the time worked", "Comments and issues on each work order"],
    links: [],
  },
  INVENTORY: {
    heading: "Inventory dashboard",
    summary: "Stock you can trust: levels, receipts, manual adjustments and low-stock alerts.",
    upcoming: ["Products at or below their reorder point", "Recent stock ledger entries", "Receipts and manual adjustments"],
    links: [],
  },
  SALES: {
    heading: "Sales dashboard",
    summary: "Where customer orders stand, and the customer-facing details of each manufacturing order.",
    upcoming: ["Orders by customer and promised date", "Orders at risk of missing their promised date", "Customer reference and notes on each order"],
    links: [],
  },
  VIEWER: {
    heading: "Production overview",
    summary: "A read-only view of production: orders, work orders, stock and key figures.",
    upcoming: ["Manufacturing and work orders by state", "On-time rate and work order durations", "Stock levels"],
    links: [],
  },
};
