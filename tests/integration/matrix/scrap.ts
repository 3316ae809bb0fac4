import type { MatrixEntry } from "./types";

// Scrap of one screw (1000 on hand), so every allowed call succeeds however often it runs.
export const entries: MatrixEntry[] = [
  {
    route: "/api/stock/scrap",
    method: "POST",
    path: () => "/api/stock/scrap",
    body: (fx) => ({ productId: fx.products.screws, quantity: 1, reason: "DAMAGED", note: `matrix ${fx.unique}` }),
    allowed: ["ADMIN", "INVENTORY"],
  },
];
