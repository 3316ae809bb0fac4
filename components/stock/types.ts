// JSON shapes of the stock API (GET /api/stock, /api/stock/ledger, the posting routes) and of the
// notifications the stock screens read. Decimals arrive as numbers, dates as ISO strings.
import type { StockSourceType } from "@/lib/db/generated/enums";

export type { StockSourceType };

export interface StockLevel {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  onHand: number;
  reorderPoint: number | null;
  /** reorderPoint is set and onHand is at or below it. */
  low: boolean;
  unitCost: number | null;
  archivedAt: string | null;
}

export interface LedgerEntry {
  id: number | string;
  productId: string;
  change: number;
  balanceAfter: number;
  sourceType: StockSourceType;
  sourceId: string | null;
  note: string | null;
  createdAt: string;
  product: { id: string; sku: string; name: string; uom: string };
  createdBy: { id: string; name: string } | null;
}

/** POST /api/stock/receipts and /api/stock/manual. */
export interface MovementResult {
  entry: LedgerEntry;
  onHand: number;
}

export interface NotificationItem {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** A product as the pickers show it. */
export interface ProductOption {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  onHand?: number;
}

export const SOURCE_LABELS: Record<StockSourceType, string> = {
  INITIAL: "Opening balance",
  RECEIPT: "Receipt",
  MANUAL: "Manual adjustment",
  MO_CONSUMPTION: "Consumed by order",
  MO_OUTPUT: "Produced by order",
};
