// The only writer of StockLevel, StockBalance and StockEntry (with levels.ts; eslint.config.mjs refuses
// writes elsewhere). Every posting locks the StockLevel rows of its products (in productId order), then
// the StockBalance rows it changes (in (product, location, lot) order): one global lock order, so two
// postings over overlapping products cannot deadlock. It checks the new balances per key (product,
// location, lot), then writes the ledger rows, the balances and the levels in the caller's transaction
// (docs/locations.md). Each row is valued at moving average cost
// (valuation.ts): the level's value and the product's unitCost change under the same row lock as
// onHand, so per product level value = Σ entry value holds like onHand = Σ change. It reports facts (short products, levels
// that crossed their reorder point); the use cases decide whom to tell (lib/inventory/alerts.ts).
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { ScrapReason, StockSourceType } from "../db/generated/enums";
import { env } from "../env";
import type { DomainEvent } from "../realtime/events";
import { badRequest, conflict, InsufficientStockError, invalidState, notFound, type Shortage } from "../errors";
import { DEFAULT_LOCATIONS } from "../locations/defaults";
import { valueMovement, type Valuation } from "./valuation";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

/** The ledger's columns are Decimal(18,4): 4 decimals, magnitudes below 10^14. */
const SCALE = 4;
const MAX_ABS = new Decimal("1e14");

export interface StockLine {
  productId: string;
  /**
   * Where: a location id. Without it, an inbound line goes to the posting's default location (FG for
   * MO_OUTPUT, else STOCK) and an outbound line is picked from the product's stock in STOCK first,
   * then the other STORAGE, WIP and FINISHED locations, lots first-expiry-first-out then oldest first
   * (never from QUARANTINE or SCRAP).
   */
  locationId?: string | null;
  /** Which lot (tracked products); null/absent is untracked stock. Only with `locationId`. */
  lotId?: string | null;
  /** Signed quantity: positive adds stock, negative takes it. */
  change: Decimal | number | string;
  /**
   * Cost per unit (≥ 0) of what an inbound line brings in (a receipt's price, an MO output's actual
   * cost); the product's moving average moves with it. Without it, and for outbound lines, the line
   * is valued at the current average (lib/stock/valuation.ts).
   */
  unitCost?: Decimal | number | string | null;
}

export interface PostingInput {
  lines: StockLine[];
  sourceType: StockSourceType;
  sourceId?: string | null;
  note?: string | null;
  actorId?: string | null;
  /** Defaults to ALLOW_NEGATIVE_STOCK. */
  allowNegative?: boolean;
  /** SCRAP postings: why the stock was scrapped (kept on each entry). */
  scrapReason?: ScrapReason | null;
  /**
   * Products whose StockLevel rows to lock too, in the same statement and productId order, for a use
   * case that posts them next (an MO's output after its consumption): one global lock order across its
   * postings without a statement of its own (levels.ts lockLevels). Ignored by a posting that writes nothing.
   */
  lockAlso?: string[];
  /**
   * An audit row per entry (entityType StockEntry, entityId the entry's id, by `actorId`), written by the
   * statement that writes the entries: no round trip of its own while the rows are locked. Its payload is
   * { productId, sku, change, balanceAfter, locationId, lotId } with `payload`'s fields over it.
   */
  auditEach?: { action: string; payload?: Prisma.InputJsonObject };
}

export interface PostedEntry {
  id: bigint;
  productId: string;
  locationId: string;
  lotId: string | null;
  change: Decimal;
  balanceAfter: Decimal;
  unitCost: Decimal;
  value: Decimal;
  createdAt: Date;
  /** The codes of its location and lot, as a ledger line shows them (read by the writing statement). */
  locationCode: string;
  lotCode: string | null;
}

/** A level this posting took from above its reorder point to at or below it. */
export interface ReorderCrossing {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  onHand: Decimal;
  reorderPoint: Decimal;
}

export interface PostingResult {
  entries: PostedEntry[];
  /** stock:changed (none for a posting that writes nothing). */
  events: DomainEvent[];
  reorderCrossings: ReorderCrossing[];
}

interface LockedLevel {
  productId: string;
  onHand: Decimal;
  value: Decimal;
  sku: string;
  name: string;
  uom: string;
  reorderPoint: Decimal | null;
}

/** One (product, location, lot) key as a map key. */
const keyOf = (productId: string, locationId: string, lotId: string | null) => `${productId}|${locationId}|${lotId ?? ""}`;

interface KeyChange {
  productId: string;
  locationId: string;
  lotId: string | null;
  change: Decimal;
}

interface LockedBalance {
  productId: string;
  locationId: string;
  lotId: string | null;
  onHand: Decimal;
  locationCode: string;
  lotCode: string | null;
}

/** Where an outbound line without a location may take stock from, in picking order. */
const PICKABLE_KINDS = ["STORAGE", "WIP", "FINISHED"] as const;

/** Posts stock movements inside `tx`; throws InsufficientStockError (nothing written) when a balance would go negative. */
export async function postStock(tx: Tx, input: PostingInput): Promise<PostingResult> {
  // Net changes rounded as the Decimal(18,4) columns will store them (Postgres rounds half away from
  // zero, like ROUND_HALF_UP): computing balances from unrounded changes (e.g. qtyPerUnit × quantity
  // with 5+ decimals) would store entries whose balances do not add up. Lines with a location are
  // netted per key; lines without one per product (then put at the default location, or picked).
  const defaultIn = input.sourceType === "MO_OUTPUT" ? DEFAULT_LOCATIONS.FG : DEFAULT_LOCATIONS.STOCK;
  const explicit = new Map<string, KeyChange>();
  const loose = new Map<string, Decimal>();
  // Inbound lines with a cost, per product: their quantity and amount (several lines of one product
  // give the net their weighted cost).
  const costed = new Map<string, { qty: Decimal; amount: Decimal }>();
  for (const line of input.lines) {
    const change = new Decimal(line.change.toString());
    if (line.locationId) {
      const k = keyOf(line.productId, line.locationId, line.lotId ?? null);
      const prev = explicit.get(k);
      explicit.set(k, { productId: line.productId, locationId: line.locationId, lotId: line.lotId ?? null, change: (prev?.change ?? new Decimal(0)).plus(change) });
    } else {
      if (line.lotId) throw badRequest("A lot needs a location.");
      loose.set(line.productId, (loose.get(line.productId) ?? new Decimal(0)).plus(change));
    }
    if (line.unitCost !== undefined && line.unitCost !== null && change.gt(0)) {
      const cost = new Decimal(line.unitCost.toString());
      if (!cost.isFinite() || cost.isNegative() || cost.gte(MAX_ABS)) throw conflict(`A unit cost must be at least 0 and less than ${MAX_ABS.toString()}.`);
      const c = costed.get(line.productId) ?? { qty: new Decimal(0), amount: new Decimal(0) };
      costed.set(line.productId, { qty: c.qty.plus(change), amount: c.amount.plus(change.times(cost)) });
    }
  }
  const round = (d: Decimal) => d.toDecimalPlaces(SCALE, Decimal.ROUND_HALF_UP);
  for (const k of explicit.values()) k.change = round(k.change);
  for (const [id, change] of loose) loose.set(id, round(change));
  const productIds = [...new Set([...[...explicit.values()].filter((k) => !k.change.isZero()).map((k) => k.productId), ...[...loose].filter(([, c]) => !c.isZero()).map(([id]) => id)])].sort();
  if (!productIds.length) return { entries: [], events: [], reorderCrossings: [] };

  const named = [...explicit.values()].filter((k) => !k.change.isZero());

  // Levels normally exist from product creation: lock them (in productId order); only when one is
  // missing, create it (in order) and lock again. One statement in the usual case: every statement
  // while the product's row is locked is a round trip that every other posting of it waits for.
  const lockIds = [...new Set([...productIds, ...(input.lockAlso ?? [])])].sort();
  const lockLevels = () => tx.$queryRaw<LockedLevel[]>`
    SELECT l."productId", l."onHand", l."value", p."sku", p."name", p."uom", p."reorderPoint"
    FROM "StockLevel" l JOIN "Product" p ON p."id" = l."productId"
    WHERE l."productId" IN (${Prisma.join(lockIds)})
    ORDER BY l."productId"
    FOR UPDATE OF l`;
  let locked = await lockLevels();
  if (locked.length !== lockIds.length) {
    await tx.$executeRaw`
      INSERT INTO "StockLevel" ("productId", "onHand", "updatedAt")
      SELECT p."id", 0, now() FROM "Product" p WHERE p."id" IN (${Prisma.join(lockIds)}) ORDER BY p."id"
      ON CONFLICT ("productId") DO NOTHING`;
    locked = await lockLevels();
  }
  if (locked.length !== lockIds.length) {
    const found = new Set(locked.map((l) => l.productId));
    throw new InsufficientStockError(
      lockIds.filter((id) => !found.has(id)).map((id) => ({ productId: id, sku: id, name: "unknown product", uom: "", onHand: 0, required: 0, shortBy: 0 })),
    );
  }
  // The posting's own levels (lockAlso's are only held).
  const ownIds = new Set(productIds);
  locked = locked.filter((l) => ownIds.has(l.productId));
  const levelOf = new Map(locked.map((l) => [l.productId, l]));
  const allowNegative = input.allowNegative ?? env().ALLOW_NEGATIVE_STOCK;

  // Lines without a location become keys: inbound at the default location; outbound picked from the
  // balances, read now that the product's level is locked (every posting of the product holds it, so
  // they cannot change under us).
  const keys = new Map([...explicit].filter(([, k]) => !k.change.isZero()));
  const add = (k: KeyChange) => {
    const id = keyOf(k.productId, k.locationId, k.lotId);
    const prev = keys.get(id);
    keys.set(id, prev ? { ...prev, change: prev.change.plus(k.change) } : k);
  };
  const pickShortages: Shortage[] = [];
  // Where the outbound lines without a location can take from: one statement for all their products
  // (an MO's consumption picks several materials), each product's balances in picking order.
  const picking = [...loose].filter(([, c]) => c.isNegative()).map(([id]) => id);
  const candidatesOf = new Map<string, { locationId: string; lotId: string | null; onHand: Decimal }[]>(picking.map((id) => [id, []]));
  if (picking.length) {
    const found = await tx.$queryRaw<{ productId: string; locationId: string; lotId: string | null; onHand: Decimal }[]>`
      SELECT b."productId", b."locationId", b."lotId", b."onHand"
      FROM "StockBalance" b JOIN "Location" loc ON loc."id" = b."locationId" LEFT JOIN "Lot" lot ON lot."id" = b."lotId"
      WHERE b."productId" IN (${Prisma.join(picking)}) AND b."onHand" > 0 AND loc."kind"::text IN (${Prisma.join([...PICKABLE_KINDS])})
      ORDER BY b."productId", (b."locationId" = ${DEFAULT_LOCATIONS.STOCK}) DESC,
               array_position(ARRAY['STORAGE','WIP','FINISHED'], loc."kind"::text), loc."code",
               lot."expiresAt" ASC NULLS LAST, lot."createdAt" ASC NULLS FIRST, lot."code"`;
    for (const c of found) candidatesOf.get(c.productId)!.push(c);
  }
  for (const [productId, change] of loose) {
    if (change.isZero()) continue;
    if (change.gt(0)) {
      add({ productId, locationId: defaultIn, lotId: null, change });
      continue;
    }
    let need = change.negated();
    const candidates = candidatesOf.get(productId)!;
    let available = new Decimal(0);
    for (const c of candidates) {
      const onHand = new Decimal(c.onHand.toString());
      available = available.plus(onHand);
      if (need.isZero()) continue;
      const take = Decimal.min(onHand, need);
      add({ productId, locationId: c.locationId, lotId: c.lotId, change: take.negated() });
      need = need.minus(take);
    }
    if (need.gt(0)) {
      if (!allowNegative) {
        const l = levelOf.get(productId)!;
        pickShortages.push({ productId, sku: l.sku, name: l.name, uom: l.uom, onHand: available.toNumber(), required: change.negated().toNumber(), shortBy: need.toNumber() });
      } else {
        add({ productId, locationId: DEFAULT_LOCATIONS.STOCK, lotId: null, change: need.negated() });
      }
    }
  }
  if (pickShortages.length) throw new InsufficientStockError(pickShortages);

  // The balances this posting changes, locked in (product, location, lot) order; only when one is missing
  // is it created (in that order) and the set locked again. The same statement reads the products'
  // moving averages. That is safe here, unlike in the level lock above (where a row that had to wait is
  // re-read fresh but a joined Product row is not: Postgres re-checks FOR UPDATE against the statement's
  // snapshot): this statement starts after this transaction holds the products' level locks, and an
  // average only changes under its level lock, so its snapshot already has the latest average.
  const changes = [...keys.values()].filter((k) => !k.change.isZero());
  const b = {
    p: changes.map((k) => k.productId),
    l: changes.map((k) => k.locationId),
    t: changes.map((k) => k.lotId),
  };
  const lockBalances = () => tx.$queryRaw<(LockedBalance & { unitCost: Decimal | null; locationActive: boolean })[]>`
    SELECT b."productId", b."locationId", b."lotId", b."onHand", loc."code" AS "locationCode", lot."code" AS "lotCode", pr."unitCost", loc."active" AS "locationActive"
    FROM "StockBalance" b
    JOIN unnest(${b.p}::text[], ${b.l}::text[], ${b.t}::text[]) AS k(p, l, t)
      ON b."productId" = k.p AND b."locationId" = k.l AND b."lotId" IS NOT DISTINCT FROM k.t
    JOIN "Product" pr ON pr."id" = b."productId"
    JOIN "Location" loc ON loc."id" = b."locationId" LEFT JOIN "Lot" lot ON lot."id" = b."lotId"
    ORDER BY b."productId", b."locationId", b."lotId" NULLS FIRST
    FOR UPDATE OF b`;
  let balances = await lockBalances();
  let checked = false;
  if (balances.length !== changes.length) {
    // A key without a balance yet: its location must exist and each lot be its product's before a row is
    // made for it. (An existing balance already passed that when it was made, so the usual posting
    // needs no statement for it.)
    await checkKeys(tx, named);
    checked = true;
    await tx.$executeRaw`
      INSERT INTO "StockBalance" ("productId", "locationId", "lotId", "onHand", "updatedAt")
      SELECT k.p, k.l, k.t, 0, now() FROM unnest(${b.p}::text[], ${b.l}::text[], ${b.t}::text[]) AS k(p, l, t)
      ORDER BY k.p, k.l, k.t NULLS FIRST
      ON CONFLICT ("productId", "locationId", "lotId") DO NOTHING`;
    balances = await lockBalances();
  }
  // Inbound to an inactive location is refused (checkKeys's rule, read here from the locked rows); a named
  // key that nets to nothing with picked lines has no row here, so it is checked the long way.
  const unlocked: KeyChange[] = [];
  const lockedKeys = new Map(balances.map((x) => [keyOf(x.productId, x.locationId, x.lotId), x]));
  for (const k of named) {
    const bal = lockedKeys.get(keyOf(k.productId, k.locationId, k.lotId));
    if (!bal) unlocked.push(k);
    else if (!bal.locationActive && k.change.gt(0)) throw invalidState(`Location ${bal.locationCode} is inactive: nothing can be put there.`);
  }
  if (unlocked.length && !checked) await checkKeys(tx, unlocked);
  const averages = new Map(balances.map((bal) => [bal.productId, bal.unitCost]));
  const shortages: Shortage[] = [];
  const rows = balances.map((bal) => {
    const k = keys.get(keyOf(bal.productId, bal.locationId, bal.lotId))!;
    const before = new Decimal(bal.onHand.toString());
    const after = before.plus(k.change);
    if (after.isNegative() && !allowNegative) {
      const l = levelOf.get(bal.productId)!;
      shortages.push({
        productId: bal.productId,
        sku: l.sku,
        name: l.name,
        uom: l.uom,
        onHand: before.toNumber(),
        required: k.change.negated().toNumber(),
        shortBy: after.negated().toNumber(),
        locationId: bal.locationId,
        locationCode: bal.locationCode,
        lotId: bal.lotId,
        lotCode: bal.lotCode,
      });
    }
    return { ...k, after };
  });
  if (shortages.length) throw new InsufficientStockError(shortages);

  const next = locked.map((l) => {
    const before = new Decimal(l.onHand.toString());
    const own = rows.filter((r) => r.productId === l.productId);
    const change = own.reduce((s, r) => s.plus(r.change), new Decimal(0));
    const after = before.plus(change);
    const c = costed.get(l.productId);
    const average = averages.get(l.productId) ?? null;
    const state = { onHand: before, value: new Decimal(l.value.toString()), average: average === null ? null : new Decimal(average.toString()) };
    // A net zero (a transfer) moves no value: its rows are valued at the average and cancel out.
    const valuation: Valuation = change.isZero()
      ? { unitCost: state.average ?? new Decimal(0), value: new Decimal(0), levelValue: state.value, average: null }
      : valueMovement(state, change, c ? c.amount.dividedBy(c.qty) : null);
    return { level: l, before, change, after, valuation, rows: own };
  });
  // Beyond Decimal(18,4) Postgres raises "numeric field overflow" (a 500); refuse it as a conflict instead.
  const tooLarge = next.filter((n) => n.after.abs().gte(MAX_ABS) || n.rows.some((r) => r.change.abs().gte(MAX_ABS) || r.after.abs().gte(MAX_ABS)));
  if (tooLarge.length) {
    throw conflict(`The balance of ${tooLarge.map((n) => n.level.sku).join(", ")} would exceed what the ledger can hold (less than ${MAX_ABS.toString()}).`);
  }
  const tooValuable = next.filter((n) => n.valuation.value.abs().gte(MAX_ABS) || n.valuation.levelValue.abs().gte(MAX_ABS));
  if (tooValuable.length) {
    throw conflict(`The stock value of ${tooValuable.map((n) => n.level.sku).join(", ")} would exceed what the ledger can hold (less than ${MAX_ABS.toString()}).`);
  }

  // The writes, set-based: one statement each for the levels, the averages, the balances and the rows,
  // however many lines (an opening-stock import posts thousands; one statement per row made a 50,000-line
  // import take minutes). Rows are built in lock order (product, location, lot) and inserted in it, so
  // within a product the ids follow its balance chain.
  const levelIds: string[] = [];
  const levelAfter: string[] = [];
  const levelValue: string[] = [];
  const levelSkus: string[] = [];
  const now = new Date();
  const avgIds: string[] = [];
  const avgs: string[] = [];
  const row = { p: [] as string[], l: [] as string[], t: [] as (string | null)[], change: [] as string[], after: [] as string[], balance: [] as string[], cost: [] as string[], value: [] as string[] };
  for (const n of next) {
    const v = n.valuation;
    levelIds.push(n.level.productId);
    levelSkus.push(n.level.sku);
    levelAfter.push(n.after.toFixed());
    levelValue.push(new Decimal(v.levelValue.toString()).toFixed());
    if (v.average !== null) {
      avgIds.push(n.level.productId);
      avgs.push(new Decimal(v.average.toString()).toFixed());
    }
    // The product's rows continue its balance chain; their values add up to the movement's value (the
    // last row takes the rounding residue).
    let balance = n.before;
    let valued = new Decimal(0);
    for (const [i, r] of n.rows.entries()) {
      balance = balance.plus(r.change);
      const value = i === n.rows.length - 1 ? v.value.minus(valued) : r.change.times(v.unitCost).toDecimalPlaces(SCALE, Decimal.ROUND_HALF_UP);
      valued = valued.plus(value);
      row.p.push(r.productId);
      row.l.push(r.locationId);
      row.t.push(r.lotId);
      row.change.push(r.change.toFixed());
      row.after.push(r.after.toFixed());
      row.balance.push(balance.toFixed());
      row.cost.push(new Decimal(v.unitCost.toString()).toFixed());
      row.value.push(new Decimal(value.toString()).toFixed());
    }
  }
  // Value and average change under the same row locks as onHand (taken above, in productId order). All
  // four writes are one statement (data-modifying CTEs on four tables run once each, to completion):
  // one round trip while the rows are locked instead of four.
  const audit = input.auditEach ?? null;
  const inserted = await tx.$queryRaw<PostedEntry[]>`
    WITH "levels" AS (
      UPDATE "StockLevel" l SET "onHand" = v.after::numeric, "value" = v.value::numeric, "updatedAt" = now()
      FROM unnest(${levelIds}::text[], ${levelAfter}::text[], ${levelValue}::text[]) AS v(id, after, value)
      WHERE l."productId" = v.id
    ), "averages" AS (
      UPDATE "Product" p SET "unitCost" = v.avg::numeric
      FROM unnest(${avgIds}::text[], ${avgs}::text[]) AS v(id, avg) WHERE p."id" = v.id
    ), "balances" AS (
      UPDATE "StockBalance" b SET "onHand" = v.after::numeric, "updatedAt" = now()
      FROM unnest(${row.p}::text[], ${row.l}::text[], ${row.t}::text[], ${row.after}::text[]) AS v(p, l, t, after)
      WHERE b."productId" = v.p AND b."locationId" = v.l AND b."lotId" IS NOT DISTINCT FROM v.t
    ), "entries" AS (
      INSERT INTO "StockEntry" ("productId", "locationId", "lotId", "change", "balanceAfter", "unitCost", "value", "sourceType", "sourceId", "note", "scrapReason", "createdById", "createdAt")
      SELECT v.p, v.l, v.t, v.change::numeric, v.balance::numeric, v.cost::numeric, v.value::numeric,
             ${input.sourceType}::"StockSourceType", ${input.sourceId ?? null}, ${input.note ?? null}, ${input.scrapReason ?? null}::"ScrapReason",
             ${input.actorId ?? null}, ${now}
      FROM unnest(${row.p}::text[], ${row.l}::text[], ${row.t}::text[], ${row.change}::text[], ${row.balance}::text[], ${row.cost}::text[], ${row.value}::text[])
        WITH ORDINALITY AS v(p, l, t, change, balance, cost, value, ord)
      ORDER BY v.ord
      RETURNING "id", "productId", "locationId", "lotId", "change", "balanceAfter", "unitCost", "value", "createdAt"
    ), "audit" AS (
      INSERT INTO "AuditLog" ("actorId", "action", "entityType", "entityId", "payload", "createdAt")
      SELECT ${input.actorId ?? null}, ${audit?.action ?? null}, 'StockEntry', e."id"::text,
             jsonb_build_object('productId', e."productId", 'sku', s.sku, 'change', trim_scale(e."change"), 'balanceAfter', trim_scale(e."balanceAfter"),
                                'locationId', e."locationId", 'lotId', e."lotId") || ${JSON.stringify(audit?.payload ?? {})}::jsonb,
             ${now}
      FROM "entries" e JOIN unnest(${levelIds}::text[], ${levelSkus}::text[]) AS s(id, sku) ON s.id = e."productId"
      WHERE ${audit?.action ?? null}::text IS NOT NULL
      ORDER BY e."id"
    )
    SELECT e.*, loc."code" AS "locationCode", lot."code" AS "lotCode"
    FROM "entries" e JOIN "Location" loc ON loc."id" = e."locationId" LEFT JOIN "Lot" lot ON lot."id" = e."lotId"`;
  // In the order the rows were built (one row per key in a posting).
  const byKey = new Map(inserted.map((e) => [keyOf(e.productId, e.locationId, e.lotId), e]));
  const entries: PostedEntry[] = row.p.map((p, i) => {
    const e = byKey.get(keyOf(p, row.l[i]!, row.t[i]!))!;
    return { ...e, change: new Decimal(e.change.toString()), balanceAfter: new Decimal(e.balanceAfter.toString()), unitCost: new Decimal(e.unitCost.toString()), value: new Decimal(e.value.toString()) };
  });

  const events: DomainEvent[] = [
    { name: "stock:changed", payload: { productIds, sourceType: input.sourceType, sourceId: input.sourceId ?? null } },
  ];
  // Crossing the reorder point (from above to at-or-below) is reported once, not on every posting below it.
  const reorderCrossings: ReorderCrossing[] = [];
  for (const n of next) {
    const rp = n.level.reorderPoint === null ? null : new Decimal(n.level.reorderPoint.toString());
    if (rp && n.before.greaterThan(rp) && n.after.lessThanOrEqualTo(rp)) {
      const { productId, sku, name, uom } = n.level;
      reorderCrossings.push({ productId, sku, name, uom, onHand: n.after, reorderPoint: rp });
    }
  }
  return { entries, events, reorderCrossings };
}

/** The named locations exist (inbound: and are active); each lot belongs to its line's product. For keys without a balance. */
async function checkKeys(tx: Tx, keys: KeyChange[]): Promise<void> {
  const locationIds = [...new Set(keys.map((k) => k.locationId))];
  if (locationIds.length) {
    const found = new Map((await tx.location.findMany({ where: { id: { in: locationIds } }, select: { id: true, code: true, active: true } })).map((l) => [l.id, l]));
    for (const k of keys) {
      const loc = found.get(k.locationId);
      if (!loc) throw notFound("Location");
      if (!loc.active && k.change.gt(0)) throw invalidState(`Location ${loc.code} is inactive: nothing can be put there.`);
    }
  }
  const lotIds = [...new Set(keys.flatMap((k) => (k.lotId ? [k.lotId] : [])))];
  if (lotIds.length) {
    const lots = new Map((await tx.lot.findMany({ where: { id: { in: lotIds } }, select: { id: true, productId: true } })).map((l) => [l.id, l]));
    for (const k of keys) {
      if (!k.lotId) continue;
      const lot = lots.get(k.lotId);
      if (!lot) throw notFound("Lot");
      if (lot.productId !== k.productId) throw badRequest("The lot belongs to another product.", { fieldErrors: { lotId: ["belongs to another product"] } });
    }
  }
}
