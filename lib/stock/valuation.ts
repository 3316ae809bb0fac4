// Moving average valuation of one product's net movement in a posting (docs/domain.md "Valuation").
// Pure arithmetic on Decimals, so lib/stock/post.ts applies it under the level's row lock and the
// rules read in one place. Amounts are rounded to 4 decimals, half away from zero, as the
// Decimal(18,4) columns store them (and as Postgres rounds).
import { Prisma } from "../db/generated/client";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

const SCALE = 4;
const round = (d: Decimal) => d.toDecimalPlaces(SCALE, Decimal.ROUND_HALF_UP);

export interface LevelState {
  /** On hand before the movement. */
  onHand: Decimal;
  /** The level's value before the movement (Σ of the product's entry values). */
  value: Decimal;
  /** The product's moving average (Product.unitCost); null when it never had a cost (counts as 0). */
  average: Decimal | null;
}

export interface Valuation {
  /** The cost per unit the row is valued at. */
  unitCost: Decimal;
  /** The row's value: change × unitCost rounded, or minus what is left when the stock reaches zero. */
  value: Decimal;
  /** The level's value after the movement. */
  levelValue: Decimal;
  /** The new moving average when the movement changes it (Product.unitCost), else null. */
  average: Decimal | null;
}

/**
 * Values a net movement `change` (≠ 0). `cost` is the cost per unit the movement brings in (a
 * receipt's unitCost, an MO output's actual cost), ignored for outbound movements.
 * - Inbound with a cost: valued at that cost. The average becomes (value before + row value) ÷
 *   on hand after when there was stock before (and that is not negative); from zero or negative stock
 *   it becomes the cost itself.
 * - Inbound without a cost, and every outbound movement: valued at the current average, which stays.
 * - A movement that leaves exactly zero on hand takes the level's whole remaining value (the rounding
 *   residue of earlier rows), so zero stock is always worth zero.
 */
export function valueMovement(level: LevelState, change: Decimal, cost: Decimal | null): Valuation {
  const after = level.onHand.plus(change);
  const current = level.average ?? new Decimal(0);
  let unitCost = current;
  let average: Decimal | null = null;
  let value: Decimal;
  if (change.gt(0) && cost !== null) {
    unitCost = round(cost);
    value = round(change.times(unitCost));
    if (level.onHand.gt(0)) {
      const moved = level.value.plus(value).dividedBy(after);
      average = moved.isNegative() ? unitCost : round(moved);
    } else {
      average = unitCost;
    }
    if (level.average !== null && average.equals(level.average)) average = null;
  } else {
    value = round(change.times(unitCost));
  }
  if (after.isZero()) value = level.value.negated();
  return { unitCost, value, levelValue: level.value.plus(value), average };
}
