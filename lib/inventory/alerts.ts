// What inventory people are told about stock: a level that fell to its reorder point, and a posting
// refused for want of stock. The ledger (lib/stock) only reports these facts; posting use cases
// (receipts, manual adjustments, MO completion) raise the alerts.
import type { Tx } from "../db/client";
import type { Shortage } from "../errors";
import { notifyRoles } from "../notifications/create";
import type { DomainEvent } from "../realtime/events";
import { postStock, type PostingInput, type PostingResult, type ReorderCrossing } from "../stock/post";

/** Tells every active inventory user about each level that crossed its reorder point; returns the events. */
export async function reorderAlerts(tx: Tx, crossings: ReorderCrossing[]): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  for (const c of crossings) {
    events.push(
      ...(await notifyRoles(tx, ["INVENTORY"], {
        type: "stock.reorder",
        key: "stock.reorder",
        params: { sku: c.sku, name: c.name, onHand: c.onHand.toNumber(), uom: c.uom, reorderPoint: c.reorderPoint.toNumber() },
        link: `/stock?productId=${c.productId}`,
      })),
    );
  }
  return events;
}

/** Tells every active inventory user that a posting was refused, naming the short products; returns the events. */
export async function shortageAlert(tx: Tx, shortages: Shortage[]): Promise<DomainEvent[]> {
  return notifyRoles(tx, ["INVENTORY"], {
    type: "stock.shortage",
    // One line per product (rendered as the body, joined by "; ": components/stock/RecentShortages splits it).
    key: "stock.shortage",
    params: { items: shortages.map((s) => ({ sku: s.sku, name: s.name, onHand: s.onHand, required: s.required, shortBy: s.shortBy, uom: s.uom })) },
    link: "/stock",
  });
}

/** postStock, then the reorder alerts of the levels it took down; the events include both. */
export async function postAndAlert(tx: Tx, input: PostingInput): Promise<PostingResult> {
  const posted = await postStock(tx, input);
  return { ...posted, events: [...posted.events, ...(await reorderAlerts(tx, posted.reorderCrossings))] };
}
