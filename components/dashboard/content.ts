// What each role's dashboard is for: its heading, a line of context and quick links. The words live
// in the dashboard catalog: `content.<ROLE>.heading` / `.summary` and `links.<key>.label` / `.description`.
import type { Permission } from "@/lib/auth/permissions";
import type { Role } from "../types";

export interface DashboardLink {
  href: string;
  /** Names the link's label and description in the catalog (`links.<key>`). */
  key: "users" | "audit";
  permission: Permission;
}

export interface DashboardContent {
  links: DashboardLink[];
}

export const DASHBOARDS: Record<Role, DashboardContent> = {
  ADMIN: {
    links: [
      { href: "/admin/users", key: "users", permission: "users:manage" },
      { href: "/admin/audit", key: "audit", permission: "audit:read" },
    ],
  },
  MANAGER: { links: [] },
  OPERATOR: { links: [] },
  INVENTORY: { links: [] },
  SALES: { links: [] },
  VIEWER: { links: [] },
};
