// Stock that is on hand but not usable: what lies in QUARANTINE and SCRAP locations, which picking
// never takes from (docs/locations.md "Posting and the lock order"). Availability and the stock
// list's "available" leave it out; FINISHED counts (a sub-assembly completed into FG is what its
// parent order consumes). Only balances in held locations are read: an index range per such location
// (StockBalance.locationId), so the cost follows what is held, not the number of lots or the ledger.
import { Prisma } from "../db/generated/client";

/** The location kinds whose stock is held: never picked, never available. */
export const HELD_KINDS = ["QUARANTINE", "SCRAP"] as const;

/** SQL subquery: `("productId", held)` for every product with stock in a held location. */
export const HELD_BY_PRODUCT = Prisma.sql`(
  SELECT b."productId", SUM(b."onHand") AS held
  FROM "StockBalance" b JOIN "Location" x ON x."id" = b."locationId"
  WHERE x."kind" IN ('QUARANTINE', 'SCRAP')
  GROUP BY b."productId")`;
