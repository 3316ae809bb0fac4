import type { MatrixEntry } from "./types";

const STOCK_READERS = ["ADMIN", "MANAGER", "INVENTORY", "VIEWER"] as const;

// The lot screens' own routes (docs/locations.md "Lot pages, trace, certificate and labels").
export const entries: MatrixEntry[] = [
  {
    route: "/api/lots/[id]/certificate",
    method: "GET",
    setup: async (prisma, fx) => {
      const lot = await prisma.lot.upsert({ where: { productId_code: { productId: fx.products.screws, code: "MATRIX-LOT" } }, create: { productId: fx.products.screws, code: "MATRIX-LOT" }, update: {} });
      return { lotId: lot.id };
    },
    path: (fx) => `/api/lots/${fx.extra.lotId}/certificate?format=pdf`,
    allowed: [...STOCK_READERS],
  },
];
