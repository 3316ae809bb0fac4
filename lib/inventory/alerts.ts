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
        title: `${c.sku} is at or below its reorder point`,
        body: `${c.name}: ${c.onHand.toString()} ${c.uom} on hand (reorder point ${c.reorderPoint.toString()}).`,
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
    title: "A stock posting was refused: not enough stock",
    // components/stock/RecentShortages splits the body on "; ", one product each.
    body: shortages.map((s) => `${s.sku} (${s.name}): ${s.onHand} on hand, ${s.required} needed, short by ${s.shortBy} ${s.uom}`).join("; "),
    link: "/stock",
  });
}

/** postStock, then the reorder alerts of the levels it took down; the events include both. */
export async function postAndAlert(tx: Tx, input: PostingInput): Promise<PostingResult> {
  const posted = await postStock(tx, input);
  return { ...posted, events: [...posted.events, ...(await reorderAlerts(tx, posted.reorderCrossings))] };
}
