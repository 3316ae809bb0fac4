import { HttpError } from "../http/errors";

export interface Shortage {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  onHand: number;
  required: number;
  shortBy: number;
}

/** 409 INSUFFICIENT_STOCK naming every short product; thrown before anything is written. */
export class InsufficientStockError extends HttpError {
  constructor(readonly shortages: Shortage[]) {
    super(
      409,
      "INSUFFICIENT_STOCK",
      `Not enough stock: ${shortages.map((s) => `${s.sku} short by ${s.shortBy} ${s.uom}`).join(", ")}.`,
      { shortages },
    );
  }
}
