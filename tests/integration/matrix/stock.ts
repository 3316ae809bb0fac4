import type { MatrixEntry } from "./types";

const STOCK_READERS = ["ADMIN", "MANAGER", "INVENTORY", "VIEWER"] as const;
const STOCK_ADJUSTERS = ["ADMIN", "INVENTORY"] as const;

// Small positive postings on screws (1000 on hand), so every allowed call succeeds however often it runs.
export const entries: MatrixEntry[] = [
  { route: "/api/stock", method: "GET", path: () => "/api/stock?low=0&q=SCR", allowed: [...STOCK_READERS] },
  { route: "/api/stock/ledger", method: "GET", path: (fx) => `/api/stock/ledger?productId=${fx.products.screws}`, allowed: [...STOCK_READERS] },
  {
    route: "/api/stock/manual",
    method: "POST",
    path: () => "/api/stock/manual",
    body: (fx) => ({ productId: fx.products.screws, change: 1, note: `matrix ${fx.unique}` }),
    allowed: [...STOCK_ADJUSTERS],
  },
  {
    route: "/api/stock/receipts",
    method: "POST",
    path: () => "/api/stock/receipts",
    body: (fx) => ({ productId: fx.products.screws, quantity: 1, reference: `PO-${fx.unique}` }),
    allowed: [...STOCK_ADJUSTERS],
  },
  { route: "/api/audit", method: "GET", path: () => "/api/audit?action=stock.manual", allowed: ["ADMIN"] },
];
