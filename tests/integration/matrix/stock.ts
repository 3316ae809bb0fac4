import { DEFAULT_LOCATIONS } from "@/lib/locations/defaults";
import type { MatrixEntry } from "./types";

const { STOCK, WIP, QC } = DEFAULT_LOCATIONS;

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
  {
    route: "/api/stock/transfers",
    method: "POST",
    path: () => "/api/stock/transfers",
    body: (fx) => ({ productId: fx.products.screws, quantity: 1, fromLocationId: STOCK, toLocationId: WIP }),
    allowed: [...STOCK_ADJUSTERS],
  },
  {
    route: "/api/stock/counts",
    method: "POST",
    path: () => "/api/stock/counts",
    // Counts what is there (read just before), so nothing changes and it succeeds however often it runs.
    setup: async (prisma, fx) => {
      const b = await prisma.stockBalance.findFirst({ where: { productId: fx.products.screws, locationId: WIP, lotId: null }, select: { onHand: true } });
      return { onHand: String(b?.onHand.toNumber() ?? 0) };
    },
    body: (fx) => ({ locationId: WIP, lines: [{ productId: fx.products.screws, counted: Number(fx.extra.onHand), expectedOnHand: Number(fx.extra.onHand) }] }),
    allowed: [...STOCK_ADJUSTERS],
  },
  { route: "/api/stock/counts/sheet", method: "GET", path: () => `/api/stock/counts/sheet?locationId=${WIP}&format=csv`, allowed: [...STOCK_READERS] },
  { route: "/api/locations", method: "GET", path: () => "/api/locations", allowed: [...STOCK_READERS] },
  {
    route: "/api/locations",
    method: "POST",
    path: () => "/api/locations",
    body: (fx) => ({ code: `M-${fx.unique}`, name: "Matrix shelf" }),
    allowed: [...STOCK_ADJUSTERS],
  },
  { route: "/api/locations/[id]", method: "GET", path: () => `/api/locations/${QC}`, allowed: [...STOCK_READERS] },
  { route: "/api/locations/[id]", method: "PATCH", path: () => `/api/locations/${QC}`, body: () => ({ name: "Quality control" }), allowed: [...STOCK_ADJUSTERS] },
  { route: "/api/lots", method: "GET", path: (fx) => `/api/lots?productId=${fx.products.screws}`, allowed: [...STOCK_READERS] },
  {
    route: "/api/lots/[id]",
    method: "GET",
    setup: async (prisma, fx) => {
      const lot = await prisma.lot.upsert({ where: { productId_code: { productId: fx.products.screws, code: "MATRIX-LOT" } }, create: { productId: fx.products.screws, code: "MATRIX-LOT" }, update: {} });
      return { lotId: lot.id };
    },
    path: (fx) => `/api/lots/${fx.extra.lotId}`,
    allowed: [...STOCK_READERS],
  },
  {
    route: "/api/lots/[id]/trace",
    method: "GET",
    setup: async (prisma, fx) => {
      const lot = await prisma.lot.upsert({ where: { productId_code: { productId: fx.products.screws, code: "MATRIX-LOT" } }, create: { productId: fx.products.screws, code: "MATRIX-LOT" }, update: {} });
      return { lotId: lot.id };
    },
    path: (fx) => `/api/lots/${fx.extra.lotId}/trace?depth=3`,
    allowed: [...STOCK_READERS],
  },
  { route: "/api/audit", method: "GET", path: () => "/api/audit?action=stock.manual", allowed: ["ADMIN"] },
];
