// Lot traceability (docs/locations.md "Traceability"), answered from the ledger alone: an MO's
// MO_CONSUMPTION rows (sourceId = the MO) say which lots went in, its MO_OUTPUT rows which lots came
// out. Downstream (consumedIn): the MOs that consumed the lot, the lots they produced, and where those
// went, level by level; upstream (madeFrom): the lots consumed by the MOs that produced the lot, and
// what those were made from. Each level is one query per direction (never a query per row), at most
// `depth` levels; a lot already on the path is not followed again (no cycles). Each MO carries the
// customer order it was made for (customerName/customerRef/promisedDate), each upstream lot the MOs it
// went into (consumedBy), so screens and the certificate can name them without another query.
import { prisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { notFound } from "../errors";
import type { LotTraceQuery } from "./schemas";

export interface TraceLot {
  lotId: string;
  productId: string;
  code: string;
  sku: string;
  quantity: number;
}
export interface OutputLot extends TraceLot {
  /** Where this lot went in turn (absent beyond the depth). */
  consumedIn?: ConsumedIn[];
}
/** The customer order an MO was made for (null where it names none). */
export interface CustomerOrder {
  customerName: string | null;
  customerRef: string | null;
  promisedDate: Date | null;
}
export interface ConsumedIn extends CustomerOrder {
  moId: string;
  orderNo: string;
  /** How much of the lot this MO consumed. */
  quantity: number;
  /** What the MO produced, per lot (its whole output of that lot). */
  outputLots: OutputLot[];
}
export interface MadeFromLot extends TraceLot {
  /** The MOs (that made the lot above) this lot went into. */
  consumedBy: { moId: string; orderNo: string }[];
  /** What this lot was made from in turn (absent beyond the depth). */
  madeFrom?: MadeFromLot[];
}

interface Row {
  lotId: string;
  moId: string;
  orderNo: string;
  otherLotId: string;
  productId: string;
  code: string;
  sku: string;
  quantity: Prisma.Decimal;
}

/**
 * One level downstream for many lots at once: per lot consumed, per MO that consumed it, the lots the
 * MO produced (an MO with untracked output appears with no output lots).
 */
type Consumed = { lotId: string; moId: string; orderNo: string; quantity: Prisma.Decimal } & CustomerOrder;
async function downstream(lotIds: string[]) {
  if (!lotIds.length) return { consumed: [] as Consumed[], outputs: [] as Row[] };
  const consumed = await prisma().$queryRaw<Consumed[]>`
    SELECT e."lotId", mo."id" AS "moId", mo."orderNo", mo."customerName", mo."customerRef", mo."promisedDate", -SUM(e."change") AS "quantity"
    FROM "StockEntry" e JOIN "ManufacturingOrder" mo ON mo."id" = e."sourceId"
    WHERE e."sourceType" = 'MO_CONSUMPTION' AND e."lotId" IN (${Prisma.join(lotIds)})
    GROUP BY e."lotId", mo."id", mo."orderNo", mo."customerName", mo."customerRef", mo."promisedDate"
    ORDER BY mo."orderNo"`;
  const moIds = [...new Set(consumed.map((c) => c.moId))];
  const outputs = moIds.length
    ? await prisma().$queryRaw<Row[]>`
        SELECT e."sourceId" AS "moId", e."lotId" AS "otherLotId", lot."productId", lot."code", p."sku", SUM(e."change") AS "quantity"
        FROM "StockEntry" e JOIN "Lot" lot ON lot."id" = e."lotId" JOIN "Product" p ON p."id" = lot."productId"
        WHERE e."sourceType" = 'MO_OUTPUT' AND e."sourceId" IN (${Prisma.join(moIds)})
        GROUP BY e."sourceId", e."lotId", lot."productId", lot."code", p."sku"
        ORDER BY lot."code"`
    : [];
  return { consumed, outputs };
}

/** One level upstream for many lots at once: per lot produced, the lots its MOs consumed. */
async function upstream(lotIds: string[]): Promise<Row[]> {
  if (!lotIds.length) return [];
  return prisma().$queryRaw<Row[]>`
    WITH made AS (
      SELECT DISTINCT e."lotId", e."sourceId" FROM "StockEntry" e
      WHERE e."sourceType" = 'MO_OUTPUT' AND e."lotId" IN (${Prisma.join(lotIds)})
    )
    SELECT made."lotId", c."sourceId" AS "moId", mo."orderNo", c."lotId" AS "otherLotId", lot."productId", lot."code", p."sku", -SUM(c."change") AS "quantity"
    FROM made
    JOIN "StockEntry" c ON c."sourceType" = 'MO_CONSUMPTION' AND c."sourceId" = made."sourceId" AND c."lotId" IS NOT NULL
    JOIN "ManufacturingOrder" mo ON mo."id" = c."sourceId"
    JOIN "Lot" lot ON lot."id" = c."lotId" JOIN "Product" p ON p."id" = lot."productId"
    GROUP BY made."lotId", c."sourceId", mo."orderNo", c."lotId", lot."productId", lot."code", p."sku"
    ORDER BY lot."code"`;
}

const num = (d: Prisma.Decimal | number | string) => Number(d.toString());

/** GET /api/lots/:id/trace. Unknown lot → 404. */
export async function traceLot(q: LotTraceQuery) {
  const lot = await prisma().lot.findUnique({
    where: { id: q.id },
    select: { id: true, productId: true, code: true, expiresAt: true, createdAt: true, product: { select: { id: true, sku: true, name: true, tracking: true } } },
  });
  if (!lot) throw notFound("Lot");

  const producers = await prisma().$queryRaw<({ moId: string; orderNo: string } & CustomerOrder)[]>`
    SELECT mo."id" AS "moId", mo."orderNo", mo."customerName", mo."customerRef", mo."promisedDate" FROM "StockEntry" e JOIN "ManufacturingOrder" mo ON mo."id" = e."sourceId"
    WHERE e."sourceType" = 'MO_OUTPUT' AND e."lotId" = ${lot.id}
    ORDER BY e."id" LIMIT 1`;

  // Downstream, level by level: the rows of every level, then the tree built from them.
  const down = new Map<string, { consumed: Awaited<ReturnType<typeof downstream>>["consumed"]; outputs: Row[] }>();
  let frontier = [lot.id];
  const seenDown = new Set(frontier);
  for (let level = 0; level < q.depth && frontier.length; level++) {
    const { consumed, outputs } = await downstream(frontier);
    for (const id of frontier) down.set(id, { consumed: consumed.filter((c) => c.lotId === id), outputs });
    const next = [...new Set(outputs.map((o) => o.otherLotId))].filter((id) => !seenDown.has(id));
    next.forEach((id) => seenDown.add(id));
    frontier = next;
  }
  const consumedIn = (lotId: string, path: Set<string>): ConsumedIn[] | undefined => {
    const d = down.get(lotId);
    if (!d) return undefined;
    return d.consumed.map((c) => ({
      moId: c.moId,
      orderNo: c.orderNo,
      customerName: c.customerName,
      customerRef: c.customerRef,
      promisedDate: c.promisedDate,
      quantity: num(c.quantity),
      outputLots: d.outputs
        .filter((o) => o.moId === c.moId)
        .map((o) => {
          const further = path.has(o.otherLotId) ? undefined : consumedIn(o.otherLotId, new Set(path).add(o.otherLotId));
          return { lotId: o.otherLotId, productId: o.productId, code: o.code, sku: o.sku, quantity: num(o.quantity), ...(further ? { consumedIn: further } : {}) };
        }),
    }));
  };

  const up = new Map<string, Row[]>();
  frontier = [lot.id];
  const seenUp = new Set(frontier);
  for (let level = 0; level < q.depth && frontier.length; level++) {
    const rows = await upstream(frontier);
    for (const id of frontier) up.set(id, rows.filter((r) => r.lotId === id));
    const next = [...new Set(rows.map((r) => r.otherLotId))].filter((id) => !seenUp.has(id));
    next.forEach((id) => seenUp.add(id));
    frontier = next;
  }
  const madeFrom = (lotId: string, path: Set<string>): MadeFromLot[] | undefined => {
    const rows = up.get(lotId);
    if (!rows) return undefined;
    // A lot made by several MOs: its inputs summed per lot.
    const per = new Map<string, MadeFromLot>();
    for (const r of rows) {
      const prev = per.get(r.otherLotId);
      const mo = { moId: r.moId, orderNo: r.orderNo };
      if (prev) {
        prev.quantity += num(r.quantity);
        if (!prev.consumedBy.some((m) => m.moId === r.moId)) prev.consumedBy.push(mo);
      } else per.set(r.otherLotId, { lotId: r.otherLotId, productId: r.productId, code: r.code, sku: r.sku, quantity: num(r.quantity), consumedBy: [mo] });
    }
    return [...per.values()].map((l) => {
      const further = path.has(l.lotId) ? undefined : madeFrom(l.lotId, new Set(path).add(l.lotId));
      return further ? { ...l, madeFrom: further } : l;
    });
  };

  const root = new Set([lot.id]);
  return {
    lot,
    depth: q.depth,
    ...(producers[0] ? { producedBy: producers[0] } : {}),
    consumedIn: consumedIn(lot.id, root) ?? [],
    madeFrom: madeFrom(lot.id, root) ?? [],
  };
}
