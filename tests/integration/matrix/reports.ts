import type { MatrixEntry } from "./types";

export const entries: MatrixEntry[] = [
  { route: "/api/reports/kpis", method: "GET", path: () => "/api/reports/kpis", allowed: ["ADMIN", "MANAGER", "INVENTORY", "SALES", "VIEWER"] },
];
