// Ranked material availability (DOMAIN-2 §1): open MOs (PLANNED, IN_PROGRESS) are ranked by priority
// (URGENT, HIGH, NORMAL, LOW), deadline (earliest first, none last), creation, then id; for an MO and
// component, allocatedAhead = what the open MOs ranked before it require, available =
// max(0, onHand − allocatedAhead), shortBy = max(0, required − available). onHand counts only stock
// that can be picked: not what lies in QUARANTINE or SCRAP locations (PICKABLE below).
//
// What each open MO still requires per component lives in "MoRequirement", kept by a trigger on
// ManufacturingOrder (docs/decisions/0014-requirements-table.md); on-hand in "StockLevel" (less held stock). The
// numbers are computed in SQL with a running SUM over each product's requirements in rank order.
// "ManufacturingOrder"."materialStatus" is the status as last computed after a commit: refreshed
// when a change is published (one statement over the MOs that share a product with the change, or
// over every open MO when the change names none), which announces only the MOs whose status changed
// (`mo:materialStatus`); lists and the board filter on it.
import { prisma, type Db, type Tx } from "../db/client";
import { isRetryableTxError } from "../db/tx";
import { Prisma, type MaterialStatus, type Priority } from "../db/generated/client";
import { publish, type DomainEvent } from "../realtime/events";
import { HELD_BY_PRODUCT } from "../stock/held";

type Decimal = Prisma.Decimal;
const Decimal = Prisma.Decimal;

export interface ComponentAvailability {
  required: Decimal;
  onHand: Decimal;
  allocatedAhead: Decimal;
  available: Decimal;
  shortBy: Decimal;
}

export interface DraftOrder {
  productId?: string;
  quantity: Decimal | number;
  priority: Priority;
  deadline: Date | null;
  components: { productId: string; required: Decimal }[];
}

/** SQL: per product, the on-hand that consumption can take: the total less held stock (lib/stock/held.ts). */
const PICKABLE = Prisma.sql`(
  SELECT l."productId", l."onHand" - COALESCE(h.held, 0) AS "onHand"
  FROM "StockLevel" l LEFT JOIN ${HELD_BY_PRODUCT} h ON h."productId" = l."productId")`;

/** URGENT first: the rank of a priority (lower ranks earlier). Kept equal to mes_priority_rank() in SQL. */
export const PRIORITY_RANK: Record<Priority, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

const ZERO = new Decimal(0);
const max0 = (d: Decimal) => (d.isNegative() ? ZERO : d);

/** Availability of each component from its required quantity, on-hand and what is allocated ahead. */
export function availabilityOf(required: Decimal, onHand: Decimal, allocatedAhead: Decimal): ComponentAvailability {
  const available = max0(onHand.minus(allocatedAhead));
  return { required, onHand, allocatedAhead, available, shortBy: max0(required.minus(available)) };
}

/**
 * Availability for an order not created yet, ranked as if created now: after every open MO of a
 * higher priority, of the same priority with an earlier deadline, and of the same priority and
 * deadline (creation breaks ties, and every existing MO was created before it).
 */
export async function availabilityForDraft(db: Tx | Db, draft: DraftOrder): Promise<Map<string, ComponentAvailability>> {
  const required = new Map<string, Decimal>();
  for (const c of draft.components) required.set(c.productId, (required.get(c.productId) ?? ZERO).plus(new Decimal(c.required.toString())));
  const out = new Map<string, ComponentAvailability>();
  if (!required.size) return out;
  const ids = [...required.keys()];
  const rank = PRIORITY_RANK[draft.priority];
  const deadline = draft.deadline;
  // An existing open MO is ahead of the draft when its (priority rank, deadline nulls last) is <= the draft's.
  const deadlineAhead = deadline
    ? Prisma.sql`(r."deadline" IS NOT NULL AND r."deadline" <= ${deadline})`
    : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<{ productId: string; onHand: string; ahead: string }[]>`
    WITH ids AS (SELECT x AS "productId" FROM unnest(ARRAY[${Prisma.join(ids)}]::text[]) AS x)
    SELECT ids."productId",
           COALESCE(l."onHand", 0)::text AS "onHand",
           COALESCE((SELECT SUM(r."required") FROM "MoRequirement" r
                     WHERE r."productId" = ids."productId"
                       AND (r."priorityRank" < ${rank} OR (r."priorityRank" = ${rank} AND ${deadlineAhead}))), 0)::text AS "ahead"
    FROM ids LEFT JOIN ${PICKABLE} l ON l."productId" = ids."productId"`;
  for (const r of rows) out.set(r.productId, availabilityOf(required.get(r.productId)!, new Decimal(r.onHand), new Decimal(r.ahead)));
  return out;
}

/**
 * The running SUM of what the open MOs ranked before a requirement need of its product. The ids
 * compare bytewise (COLLATE "C"): the sort is several times faster than under a language collation,
 * and the id tie-break is the plain character order a reader (or a test in TypeScript) expects.
 */
const AHEAD = Prisma.sql`COALESCE(SUM(r."required") OVER (PARTITION BY r."productId" COLLATE "C"
  ORDER BY r."priorityRank", r."deadline", r."moCreatedAt", r."moId" COLLATE "C" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)`;

/** A status from per-component availability: READY none short, WAITING one short with nothing available. */
export function statusOf(components: Pick<ComponentAvailability, "available" | "shortBy">[]): MaterialStatus {
  const short = components.filter((c) => c.shortBy.greaterThan(0));
  if (!short.length) return "READY";
  return short.some((c) => c.available.isZero()) ? "WAITING" : "PARTIAL";
}

export interface MoAvailability {
  materialStatus: MaterialStatus;
  components: Map<string, ComponentAvailability>;
}

/**
 * Availability of the given open MOs per component, in one statement: only the requirements of
 * the products those MOs use are ranked (an index range per product). MOs not open are absent.
 */
export async function availabilityOfMos(db: Tx | Db, moIds: string[]): Promise<Map<string, MoAvailability>> {
  const out = new Map<string, MoAvailability>();
  if (!moIds.length) return out;
  const rows = await db.$queryRaw<{ moId: string; productId: string; required: string; onHand: string; ahead: string }[]>`
    WITH ids AS (SELECT x AS "moId" FROM unnest(ARRAY[${Prisma.join(moIds)}]::text[]) AS x),
    prods AS (SELECT DISTINCT r."productId" FROM "MoRequirement" r JOIN ids ON ids."moId" = r."moId"),
    ranked AS (
      SELECT r."moId", r."productId", r."required", ${AHEAD} AS ahead
      FROM "MoRequirement" r WHERE r."productId" IN (SELECT "productId" FROM prods)
    )
    SELECT k."moId", k."productId", k."required"::text AS "required", COALESCE(l."onHand", 0)::text AS "onHand", k.ahead::text AS "ahead"
    FROM ranked k JOIN ids ON ids."moId" = k."moId" LEFT JOIN ${PICKABLE} l ON l."productId" = k."productId"`;
  const open = await db.manufacturingOrder.findMany({ where: { id: { in: moIds }, state: { in: ["PLANNED", "IN_PROGRESS"] } }, select: { id: true } });
  for (const mo of open) out.set(mo.id, { materialStatus: "READY", components: new Map() });
  for (const r of rows) {
    const entry = out.get(r.moId);
    if (entry) entry.components.set(r.productId, availabilityOf(new Decimal(r.required), new Decimal(r.onHand), new Decimal(r.ahead)));
  }
  for (const entry of out.values()) entry.materialStatus = statusOf([...entry.components.values()]);
  return out;
}

/**
 * SQL: the status of every open MO now (moId, status), as a subquery. Only the short requirements are
 * aggregated (most are not): an open MO without one is READY.
 */
const CURRENT_STATUS = Prisma.sql`
  SELECT o."id" AS "moId",
         (CASE WHEN s."moId" IS NULL THEN 'READY' WHEN s.waiting THEN 'WAITING' ELSE 'PARTIAL' END)::"MaterialStatus" AS status
  FROM "ManufacturingOrder" o
  LEFT JOIN (
    SELECT k."moId", bool_or(k.available = 0) AS waiting
    FROM (
      SELECT r."moId", r."required", GREATEST(COALESCE(l."onHand", 0) - ${AHEAD}, 0) AS available
      FROM "MoRequirement" r LEFT JOIN ${PICKABLE} l ON l."productId" = r."productId"
    ) k
    WHERE k."required" > k.available
    GROUP BY k."moId"
  ) s ON s."moId" = o."id"
  WHERE o."state" IN ('PLANNED', 'IN_PROGRESS')`;

/** Advisory lock key serializing the stored-status refresh across instances. */
const REFRESH_LOCK = 7_143_012;

/**
 * What a refresh must look at. `full`: every open MO (start-up, a seed, anything unknown). Otherwise
 * the products whose on-hand changed and the MOs that changed (created, re-prioritised, re-quantified,
 * closed): a status depends only on the requirements of the MO's own products, so only the MOs that
 * require one of those products (or of the changed MOs' products) can change status.
 */
export type RefreshScope = { full: true } | { full: false; productIds: string[]; moIds: string[] };

const FULL: RefreshScope = { full: true };

/** The scope of a batch of published events: the products and MOs they name (full when one names neither). */
export function refreshScopeOf(events: DomainEvent[]): RefreshScope {
  const products = new Set<string>();
  const mos = new Set<string>();
  for (const e of events) {
    if (e.name === "stock:changed") {
      const ids = e.payload.productIds;
      if (!Array.isArray(ids) || !ids.every((x) => typeof x === "string")) return FULL;
      for (const id of ids) products.add(id);
    } else if (e.name === "mo:created" || e.name === "mo:updated") {
      if (typeof e.payload.id !== "string") return FULL;
      mos.add(e.payload.id);
    }
  }
  return { full: false, productIds: [...products], moIds: [...mos] };
}

/** Two scopes as one (for changes that arrive while a refresh runs). */
export function mergeScopes(a: RefreshScope | undefined, b: RefreshScope): RefreshScope {
  if (!a) return b;
  if (a.full || b.full) return FULL;
  return { full: false, productIds: [...new Set([...a.productIds, ...b.productIds])], moIds: [...new Set([...a.moIds, ...b.moIds])] };
}

/**
 * SQL: the MOs a scoped refresh recomputes. The touched products are the changed products plus every
 * component of the changed MOs (from their BOM snapshot, which a closed MO keeps though its
 * requirement rows are gone); the affected MOs are the open MOs requiring one of them, plus the
 * changed MOs themselves (a closed one loses its status).
 */
function affectedMos(scope: { productIds: string[]; moIds: string[] }): Prisma.Sql {
  const productIds = scope.productIds.length ? Prisma.sql`ARRAY[${Prisma.join(scope.productIds)}]::text[]` : Prisma.sql`ARRAY[]::text[]`;
  const moIds = scope.moIds.length ? Prisma.sql`ARRAY[${Prisma.join(scope.moIds)}]::text[]` : Prisma.sql`ARRAY[]::text[]`;
  return Prisma.sql`
    SELECT r."moId" FROM "MoRequirement" r
    WHERE r."productId" IN (
      SELECT unnest(${productIds})
      UNION
      SELECT line->>'materialId' FROM "ManufacturingOrder" m, jsonb_array_elements(COALESCE(m."bomSnapshot", '[]'::jsonb)) AS line
      WHERE m."id" = ANY(${moIds})
    )
    UNION
    SELECT unnest(${moIds})`;
}

/**
 * SQL: the current status of the affected open MOs. Their requirements are ranked among every
 * requirement of the products they use (the running sum needs a product's whole partition), and
 * only then narrowed to the affected MOs.
 */
function scopedStatus(affected: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
  WITH affected AS (${affected}),
  prods AS (SELECT DISTINCT r."productId" FROM "MoRequirement" r JOIN affected a ON a."moId" = r."moId")
  SELECT o."id" AS "moId",
         (CASE WHEN s."moId" IS NULL THEN 'READY' WHEN s.waiting THEN 'WAITING' ELSE 'PARTIAL' END)::"MaterialStatus" AS status
  FROM "ManufacturingOrder" o
  JOIN affected a ON a."moId" = o."id"
  LEFT JOIN (
    SELECT k."moId", bool_or(k.available = 0) AS waiting
    FROM (
      SELECT r."moId", r."required", GREATEST(COALESCE(l."onHand", 0) - ${AHEAD}, 0) AS available
      FROM "MoRequirement" r LEFT JOIN ${PICKABLE} l ON l."productId" = r."productId"
      WHERE r."productId" IN (SELECT "productId" FROM prods)
    ) k
    WHERE k."required" > k.available AND k."moId" IN (SELECT "moId" FROM affected)
    GROUP BY k."moId"
  ) s ON s."moId" = o."id"
  WHERE o."state" IN ('PLANNED', 'IN_PROGRESS')`;
}

/**
 * Recomputes the open MOs' statuses (all of them, or those a scope can affect) and stores the ones
 * that changed (closed MOs lose theirs); returns the changed open MOs. Serialized across instances so
 * an older computation never overwrites a newer one; each run reads what was committed when it got
 * the lock. A scoped run is exact for its scope because a status depends only on the requirements
 * and on-hand of the MO's own products.
 */
export async function refreshMaterialStatus(db: Db = prisma(), scope: RefreshScope = FULL): Promise<{ moId: string; materialStatus: MaterialStatus }[]> {
  if (!scope.full && !scope.productIds.length && !scope.moIds.length) return [];
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
        const current = scope.full ? CURRENT_STATUS : scopedStatus(affectedMos(scope));
        const changed = await tx.$queryRaw<{ moId: string; materialStatus: MaterialStatus }[]>`
          UPDATE "ManufacturingOrder" m SET "materialStatus" = cur.status
          FROM (${current}) cur
          WHERE m."id" = cur."moId" AND m."materialStatus" IS DISTINCT FROM cur.status
          RETURNING m."id" AS "moId", m."materialStatus" AS "materialStatus"`;
        if (scope.full) {
          await tx.$executeRaw`UPDATE "ManufacturingOrder" SET "materialStatus" = NULL
            WHERE "materialStatus" IS NOT NULL AND "state" NOT IN ('PLANNED', 'IN_PROGRESS')`;
        } else if (scope.moIds.length) {
          await tx.$executeRaw`UPDATE "ManufacturingOrder" SET "materialStatus" = NULL
            WHERE "id" IN (${Prisma.join(scope.moIds)}) AND "materialStatus" IS NOT NULL AND "state" NOT IN ('PLANNED', 'IN_PROGRESS')`;
        }
        return changed;
      }, { timeout: 30_000, maxWait: 30_000 });
    } catch (err) {
      if (attempt >= 5 || !isRetryableTxError(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

/** Events that can change some MO's material status: stock moved, an MO appeared or changed. */
export function affectsAvailability(events: DomainEvent[]): boolean {
  return events.some((e) => e.name === "stock:changed" || e.name === "mo:created" || e.name === "mo:updated");
}

export function materialStatusEvent(c: { moId: string; materialStatus: MaterialStatus }): DomainEvent {
  return { name: "mo:materialStatus", payload: { id: c.moId, materialStatus: c.materialStatus } };
}

// One refresh at a time per process; changes published while one runs are covered by one more run,
// whose scope gathers theirs.
const g = globalThis as unknown as { __mesMaterialRefresh?: { running?: Promise<void>; again?: Promise<void>; pending?: RefreshScope; lastFull?: number } };
const state = (g.__mesMaterialRefresh ??= {});

/**
 * A published change at least this long after the last full recompute runs a full one instead of its
 * scoped one: a change written straight into the database (psql, another program) publishes nothing
 * naming its products, and is picked up within this time by the next change of any product.
 */
const FULL_REFRESH_EVERY_MS = 5 * 60_000;

/**
 * Schedules a refresh of what `events` can affect (everything when no events are given) that will
 * see everything committed so far (synchronously: the caller needs no await to be covered) and
 * resolves when it finished, with the events to announce handed to `announce`.
 */
export function scheduleMaterialRefresh(announce: (events: DomainEvent[]) => Promise<void> = publish, events?: DomainEvent[]): Promise<void> {
  const scope = events ? refreshScopeOf(events) : FULL;
  const run = async (s: RefreshScope) => {
    if (!s.full && Date.now() - (state.lastFull ?? 0) >= FULL_REFRESH_EVERY_MS) s = FULL;
    if (s.full) state.lastFull = Date.now();
    try {
      const changed = await refreshMaterialStatus(prisma(), s);
      if (changed.length) await announce(changed.map(materialStatusEvent));
    } catch (err) {
      console.error("[availability] status refresh failed", err);
    }
  };
  if (state.again) {
    state.pending = mergeScopes(state.pending, scope);
    return state.again;
  }
  if (!state.running) {
    const p: Promise<void> = run(scope).finally(() => {
      if (state.running === p) state.running = undefined;
    });
    state.running = p;
    return p;
  }
  state.pending = scope;
  const after = state.running.then(() => {
    const s = state.pending ?? FULL;
    state.again = undefined;
    state.pending = undefined;
    const p = run(s).finally(() => {
      if (state.running === p) state.running = undefined;
    });
    state.running = p;
    return p;
  });
  state.again = after;
  return after;
}

/** Resolves once the refreshes scheduled so far in this process are done (lists filter on the stored status). */
export async function materialRefreshSettled(): Promise<void> {
  await (state.again ?? state.running);
}

/**
 * Makes the stored statuses current for this process: waits for the scheduled refreshes, and runs
 * one if an open MO has none yet (written by something that published nothing, e.g. the seed).
 */
export async function ensureMaterialStatus(db: Db = prisma()): Promise<void> {
  await materialRefreshSettled();
  const missing = await db.$queryRaw<{ n: number }[]>`
    SELECT 1 AS n FROM "ManufacturingOrder" WHERE "state" IN ('PLANNED', 'IN_PROGRESS') AND "materialStatus" IS NULL LIMIT 1`;
  if (missing.length) await scheduleMaterialRefresh();
}

export interface DraftComponentView extends ComponentAvailability {
  productId: string;
  sku: string;
  name: string;
  uom: string;
}

/**
 * The creation preview (GET /api/mos/availability): the product's BOM now for `quantity` units,
 * each component ranked as if the order were created now with that priority and deadline.
 */
export async function previewAvailability(
  db: Db,
  q: { productId: string; quantity: Decimal | number; priority: Priority; deadline: Date | null },
): Promise<{ materialStatus: MaterialStatus; components: DraftComponentView[] }> {
  const bom = await db.bOM.findUnique({
    where: { productId: q.productId },
    select: { components: { select: { qtyPerUnit: true, material: { select: { id: true, sku: true, name: true, uom: true } } }, orderBy: { material: { sku: "asc" } } } },
  });
  const lines = bom?.components ?? [];
  const quantity = new Decimal(q.quantity.toString());
  const ranked = await availabilityForDraft(db, {
    productId: q.productId,
    quantity,
    priority: q.priority,
    deadline: q.deadline,
    components: lines.map((l) => ({ productId: l.material.id, required: l.qtyPerUnit.times(quantity) })),
  });
  const components = lines.map((l) => ({ productId: l.material.id, sku: l.material.sku, name: l.material.name, uom: l.material.uom, ...ranked.get(l.material.id)! }));
  return { materialStatus: statusOf(components), components };
}
