// Which stock an MO's completion moves (docs/locations.md "Manufacturing orders"): the consumption lines
// (named lots first, the rest picked; from the MO's source location when it has one) and the output
// lines (at its destination, in a lot when the product is tracked). Called by finishMo after it has
// locked the StockLevel rows of every product involved, so the balances read here cannot move before
// postStock writes (every posting of a product holds its level lock).
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Tracking } from "../db/generated/enums";
import { env } from "../env";
import { badRequest, conflict, InsufficientStockError, invalidState, type Shortage } from "../errors";
import { DEFAULT_LOCATIONS } from "../locations/defaults";
import { findOrCreateLots } from "../lots/lots";
import type { StockLine } from "../stock/post";
import type { SnapshotLine } from "./snapshot";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

/** The most serials one completion numbers (one lot each). */
export const MAX_OUTPUT_SERIALS = 1000;

interface Where {
  sourceLocationId: string | null;
}

interface Candidate {
  locationId: string;
  lotId: string | null;
  onHand: Decimal;
  locationCode: string;
  lotCode: string | null;
}

const keyOf = (locationId: string, lotId: string | null) => `${locationId}|${lotId ?? ""}`;

/**
 * A product's balances it may be consumed from, in picking order: at `sourceLocationId` only when set,
 * else STOCK first, then the other STORAGE, WIP and FINISHED locations by code (as postStock picks);
 * within a location untracked stock first, then lots first-expiry-first-out, then oldest. `lotId`
 * narrows to one lot.
 */
async function candidates(tx: Tx, productId: string, sourceLocationId: string | null, lotId: string | null): Promise<Candidate[]> {
  const where = sourceLocationId
    ? Prisma.sql`b."locationId" = ${sourceLocationId}`
    : Prisma.sql`loc."kind"::text IN ('STORAGE', 'WIP', 'FINISHED')`;
  const lot = lotId ? Prisma.sql`AND b."lotId" = ${lotId}` : Prisma.empty;
  return tx.$queryRaw<Candidate[]>`
    SELECT b."locationId", b."lotId", b."onHand", loc."code" AS "locationCode", lot."code" AS "lotCode"
    FROM "StockBalance" b JOIN "Location" loc ON loc."id" = b."locationId" LEFT JOIN "Lot" lot ON lot."id" = b."lotId"
    WHERE b."productId" = ${productId} AND b."onHand" > 0 AND ${where} ${lot}
    ORDER BY (b."locationId" = ${DEFAULT_LOCATIONS.STOCK}) DESC,
             array_position(ARRAY['STORAGE','WIP','FINISHED'], loc."kind"::text), loc."code",
             lot."expiresAt" ASC NULLS LAST, lot."createdAt" ASC NULLS FIRST, lot."code"`;
}

/**
 * The consumption lines of a completion: per component, the named lots (`consumedLots`) first, then the
 * rest picked first-expiry-first-out. Without a source location and without named lots the lines carry
 * no location and postStock picks exactly as it always has. Named lots must be lots of a component of
 * the order (400 naming the entry), at most what the order consumes of it (400); a shortage (at the
 * source, or of a named lot) is a 409 INSUFFICIENT_STOCK naming location and lot.
 */
export async function consumptionLines(
  tx: Tx,
  mo: Where,
  needs: { line: SnapshotLine; need: Decimal }[],
  consumedLots: { productId: string; lotId: string; quantity: number }[],
): Promise<StockLine[]> {
  // One need per component (a snapshot names each material once, but be safe).
  const need = new Map<string, { line: SnapshotLine; need: Decimal }>();
  for (const n of needs) {
    const prev = need.get(n.line.materialId);
    need.set(n.line.materialId, { line: n.line, need: (prev?.need ?? new Decimal(0)).plus(n.need).toDecimalPlaces(4, Decimal.ROUND_HALF_UP) });
  }
  const named = await checkNamedLots(tx, need, consumedLots);
  if (!mo.sourceLocationId && !named.size) {
    return [...need.values()].map((n) => ({ productId: n.line.materialId, change: n.need.negated() }));
  }

  const allowNegative = env().ALLOW_NEGATIVE_STOCK;
  const lines: StockLine[] = [];
  const shortages: Shortage[] = [];
  for (const [productId, { line, need: total }] of need) {
    if (total.isZero()) continue;
    const taken = new Map<string, Decimal>();
    const take = (c: Candidate, qty: Decimal) => {
      const k = keyOf(c.locationId, c.lotId);
      taken.set(k, (taken.get(k) ?? new Decimal(0)).plus(qty));
      lines.push({ productId, locationId: c.locationId, lotId: c.lotId, change: qty.negated() });
    };
    const short = (required: Decimal, available: Decimal, at?: Partial<Candidate> & { lotId?: string | null }) =>
      shortages.push({
        productId,
        sku: line.sku,
        name: line.name,
        uom: line.uom,
        onHand: available.toNumber(),
        required: required.toNumber(),
        shortBy: required.minus(available).toNumber(),
        ...(at?.locationId ? { locationId: at.locationId, locationCode: at.locationCode } : {}),
        ...(at?.lotId !== undefined ? { lotId: at.lotId, lotCode: at.lotCode ?? null } : {}),
      });
    let rest = total;
    for (const [lotId, { qty, code }] of named.get(productId) ?? []) {
      let want = qty;
      let available = new Decimal(0);
      for (const c of await candidates(tx, productId, mo.sourceLocationId, lotId)) {
        const onHand = new Decimal(c.onHand.toString());
        available = available.plus(onHand);
        if (want.isZero()) continue;
        const q = Decimal.min(onHand, want);
        take(c, q);
        want = want.minus(q);
      }
      if (want.gt(0) && allowNegative) lines.push({ productId, locationId: mo.sourceLocationId ?? DEFAULT_LOCATIONS.STOCK, lotId, change: want.negated() });
      else if (want.gt(0)) short(qty, available, { locationId: mo.sourceLocationId ?? undefined, lotId, lotCode: code });
      rest = rest.minus(qty);
    }
    if (rest.lte(0)) continue;
    let available = new Decimal(0);
    let want = rest;
    for (const c of await candidates(tx, productId, mo.sourceLocationId, null)) {
      const onHand = new Decimal(c.onHand.toString()).minus(taken.get(keyOf(c.locationId, c.lotId)) ?? 0);
      if (onHand.lte(0)) continue;
      available = available.plus(onHand);
      if (want.isZero()) continue;
      const q = Decimal.min(onHand, want);
      take(c, q);
      want = want.minus(q);
    }
    if (want.gt(0)) {
      if (allowNegative) lines.push({ productId, locationId: mo.sourceLocationId ?? DEFAULT_LOCATIONS.STOCK, lotId: null, change: want.negated() });
      else short(rest, available, mo.sourceLocationId ? { locationId: mo.sourceLocationId } : undefined);
    }
  }
  if (shortages.length && !allowNegative) {
    // Name the source location's code in the shortages, as postStock does.
    if (mo.sourceLocationId) {
      const loc = await tx.location.findUnique({ where: { id: mo.sourceLocationId }, select: { code: true } });
      for (const s of shortages) if (s.locationId) s.locationCode = loc?.code;
    }
    throw new InsufficientStockError(shortages);
  }
  return lines;
}

/** consumedLots per product: lotId → quantity (merged), checked (400 naming the entry, nothing written). */
async function checkNamedLots(
  tx: Tx,
  need: Map<string, { line: SnapshotLine; need: Decimal }>,
  consumedLots: { productId: string; lotId: string; quantity: number }[],
): Promise<Map<string, Map<string, { qty: Decimal; code: string }>>> {
  const out = new Map<string, Map<string, { qty: Decimal; code: string }>>();
  if (!consumedLots.length) return out;
  const lots = new Map((await tx.lot.findMany({ where: { id: { in: [...new Set(consumedLots.map((l) => l.lotId))] } }, select: { id: true, productId: true, code: true } })).map((l) => [l.id, l]));
  const fail = (i: number, field: string, message: string) => badRequest(`consumedLots[${i}].${field}: ${message}`, [{ path: `consumedLots.${i}.${field}`, message }]);
  consumedLots.forEach((c, i) => {
    if (!need.has(c.productId)) throw fail(i, "productId", "is not a component of this order");
    const lot = lots.get(c.lotId);
    if (!lot) throw fail(i, "lotId", "no such lot");
    if (lot.productId !== c.productId) throw fail(i, "lotId", "belongs to another product");
    const perProduct = out.get(c.productId) ?? new Map<string, { qty: Decimal; code: string }>();
    const prev = perProduct.get(c.lotId);
    perProduct.set(c.lotId, { qty: (prev?.qty ?? new Decimal(0)).plus(new Decimal(c.quantity.toString())), code: lot.code });
    out.set(c.productId, perProduct);
  });
  for (const [productId, perProduct] of out) {
    const sum = [...perProduct.values()].reduce((s, l) => s.plus(l.qty), new Decimal(0));
    const n = need.get(productId)!;
    if (sum.gt(n.need)) {
      const i = consumedLots.findIndex((c) => c.productId === productId);
      throw fail(i, "quantity", `the named lots of ${n.line.sku} (${sum.toString()}) are more than the order consumes (${n.need.toString()})`);
    }
  }
  return out;
}

/**
 * The output lines: `made` units of the product at the MO's destination (default FG). Untracked: one
 * line without a lot (`outputLotCode` refused, 400). LOT: one lot, `outputLotCode` or the MO number,
 * made when missing and reused when the product has it already. SERIAL: one serial per unit, numbered
 * `<code>-001` … (code = `outputLotCode` or the MO number); whole units only and at most
 * MAX_OUTPUT_SERIALS (409), and a serial still in stock is refused (409).
 */
export async function outputLines(
  tx: Tx,
  mo: { productId: string; orderNo: string; destLocationId: string | null },
  made: Decimal,
  outputLotCode: string | undefined,
  known?: { tracking: Tracking; sku: string },
): Promise<StockLine[]> {
  const product = known ?? (await tx.product.findUniqueOrThrow({ where: { id: mo.productId }, select: { tracking: true, sku: true } }));
  if (product.tracking === "NONE") {
    if (outputLotCode !== undefined) throw badRequest("outputLotCode: the product is not tracked by lot.", [{ path: "outputLotCode", message: "must be left out for an untracked product" }]);
    return made.isZero() ? [] : [{ productId: mo.productId, locationId: mo.destLocationId, change: made }];
  }
  if (made.isZero()) return [];
  const locationId = mo.destLocationId ?? DEFAULT_LOCATIONS.FG;
  const code = outputLotCode ?? mo.orderNo;
  if (product.tracking === "LOT") {
    const [lot] = await findOrCreateLots(tx, mo.productId, [code], null);
    if (!lot) throw new Error("findOrCreateLots returned no lot");
    return [{ productId: mo.productId, locationId, lotId: lot.id, change: made }];
  }
  if (!made.isInteger()) throw invalidState(`${product.sku} is tracked by serial: only whole units can be produced.`, { producedQty: made.toString() });
  const count = made.toNumber();
  if (count > MAX_OUTPUT_SERIALS) throw invalidState(`${product.sku} is tracked by serial: one completion numbers at most ${MAX_OUTPUT_SERIALS} units.`, { producedQty: count });
  const width = Math.max(3, String(count).length);
  const codes = Array.from({ length: count }, (_, i) => `${code}-${String(i + 1).padStart(width, "0")}`);
  const lots = await findOrCreateLots(tx, mo.productId, codes, null);
  const inStock = await tx.stockBalance.findMany({ where: { productId: mo.productId, lotId: { in: lots.map((l) => l.id) }, onHand: { gt: 0 } }, select: { lot: { select: { code: true } } }, take: 5 });
  if (inStock.length) throw conflict(`Serials already in stock: ${inStock.map((b) => b.lot?.code).join(", ")}.`, { serials: inStock.map((b) => b.lot?.code) });
  return lots.map((l) => ({ productId: mo.productId, locationId, lotId: l.id, change: 1 }));
}
