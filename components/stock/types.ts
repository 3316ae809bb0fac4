// The stock API (GET /api/stock, /api/stock/ledger, the posting routes) and the notifications the
// stock screens read, as the browser receives them: the services' result types through Jsonify.
import type { ScrapReason, StockSourceType } from "@/lib/db/generated/enums";
import type { receiveStock } from "@/lib/inventory/receipt";
import type { listNotifications } from "@/lib/notifications/list";
import type { NotificationView } from "@/lib/notifications/view";
import type { LedgerEntry as LedgerRow } from "@/lib/stock/list-ledger";
import type { StockLevelRow } from "@/lib/stock/list-levels";
import type { JsonOutcome, JsonResult, Jsonify } from "@/types/json";

export type { ScrapReason, StockSourceType };

/** GET /api/stock items. */
export type StockLevel = Jsonify<StockLevelRow>;
/** GET /api/stock/ledger items. */
export type LedgerEntry = Jsonify<LedgerRow>;
/** POST /api/stock/receipts, /api/stock/manual and /api/stock/scrap (each answers a recorded movement). */
export type MovementResult = JsonOutcome<typeof receiveStock>;
/** GET /api/notifications items. */
export type NotificationItem = Jsonify<NotificationView>;
/** GET /api/notifications: a page of them with the unread count. */
export type NotificationPage = JsonResult<typeof listNotifications>;

/** UI view type: a product as the pickers show it (from a stock level or a product; onHand when known). */
export type ProductOption = Pick<StockLevel, "productId" | "sku" | "name" | "uom"> & { onHand?: number };

/** Every ledger source, in the order the filters list them; named on screen by `stock` → `source.<type>`. */
export const SOURCE_TYPES: readonly StockSourceType[] = ["INITIAL", "RECEIPT", "MANUAL", "SCRAP", "MO_CONSUMPTION", "MO_OUTPUT", "TRANSFER_OUT", "TRANSFER_IN", "COUNT"];

/** Whether a text (e.g. from the address) is a ledger source. */
export function isSourceType(v: string): v is StockSourceType {
  return (SOURCE_TYPES as readonly string[]).includes(v);
}

