import type { Tx } from "../db/client";
import { withTx } from "../db/tx";
import { notifyRoles } from "../notifications/create";
import { InsufficientStockError } from "../errors";

/**
 * withTx for use cases that post stock. A refused posting rolls the whole use case back; the
 * shortage is then recorded for inventory users in a transaction of its own (it must survive the
 * rollback), and its events ride on the error so the API layer publishes them.
 */
export async function withStockTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await withTx(fn);
  } catch (err) {
    if (err instanceof InsufficientStockError) {
      err.events = await withTx((tx) =>
        notifyRoles(tx, ["INVENTORY"], {
          type: "stock.shortage",
          title: "A stock posting was refused: not enough stock",
          body: err.shortages.map((s) => `${s.sku} (${s.name}): ${s.onHand} on hand, ${s.required} needed, short by ${s.shortBy} ${s.uom}`).join("; "),
          link: "/stock",
        }),
      );
    }
    throw err;
  }
}
