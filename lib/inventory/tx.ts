import type { Tx } from "../db/client";
import { withTx } from "../db/tx";
import { InsufficientStockError } from "../errors";
import { shortageAlert } from "./alerts";

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
      err.events = await withTx((tx) => shortageAlert(tx, err.shortages));
    }
    throw err;
  }
}
