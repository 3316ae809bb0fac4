import type { MatrixEntry } from "./types";

const REPORT_READERS = ["ADMIN", "MANAGER", "INVENTORY", "SALES", "VIEWER"] as const;
// The stock reports need reports:read and stock:read: SALES has only the first.
const STOCK_REPORT_READERS = ["ADMIN", "MANAGER", "INVENTORY", "VIEWER"] as const;

export const entries: MatrixEntry[] = [
  { route: "/api/reports/export", method: "GET", path: () => "/api/reports/export?report=mos&format=csv", allowed: [...REPORT_READERS] },
  { route: "/api/reports/export", method: "GET", path: () => "/api/reports/export?report=costs&format=xlsx", allowed: [...REPORT_READERS] },
  { route: "/api/reports/export", method: "GET", path: () => "/api/reports/export?report=kpis&format=pdf", allowed: [...REPORT_READERS] },
  { route: "/api/reports/export", method: "GET", path: () => "/api/reports/export?report=labor&format=csv", allowed: [...REPORT_READERS] },
  { route: "/api/reports/export", method: "GET", path: (fx) => `/api/reports/export?report=ledger&format=csv&productId=${fx.products.steel}`, allowed: [...STOCK_REPORT_READERS] },
  { route: "/api/reports/export", method: "GET", path: () => "/api/reports/export?report=levels&format=xlsx", allowed: [...STOCK_REPORT_READERS] },
];
