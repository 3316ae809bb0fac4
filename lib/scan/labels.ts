// What a scanned lot or location label shows on the shop floor (docs/scanning.md "Lot and location
// labels"): the narrow read behind GET /api/scan/label. Operators hold no stock:read, so this answers
// only what the scan box's card shows — a lot's product, code, expiry and on hand per location; a
// location's code, name, kind and its largest lines — and nothing else of the stock screens.
import { prisma } from "../db/client";
import { notFound, badRequest } from "../errors";
import { resolveScan } from "./codes";
import type { ScanLabelQuery } from "./schemas";

/** How many lines of a location's stock the card shows (the largest first). */
export const LOCATION_TOP_LINES = 8;


/** A lot label: the lot, its product, and where it is (non-zero balances per location). */
export async function lotCard(id: string) {
  const lot = await prisma().lot.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      expiresAt: true,
      product: { select: { id: true, sku: true, name: true, uom: true, archivedAt: true } },
      balances: { where: { onHand: { not: 0 } }, select: { onHand: true, location: { select: { id: true, code: true, name: true, kind: true } } }, orderBy: { location: { code: "asc" } } },
    },
  });
  // A lot of an archived product is answered as unknown, like an inactive location.
  if (!lot || lot.product.archivedAt) throw notFound("Lot");
  const { archivedAt: _archived, ...product } = lot.product;
  return {
    kind: "lot" as const,
    lot: { id: lot.id, code: lot.code, expiresAt: lot.expiresAt, product },
    locations: lot.balances.map((b) => ({ ...b.location, onHand: b.onHand })),
  };
}

/** A location label: the location and its largest lines (product and lot), with how many lines there are. */
export async function locationCard(id: string) {
  const location = await prisma().location.findUnique({ where: { id }, select: { id: true, code: true, name: true, kind: true, active: true } });
  if (!location || !location.active) throw notFound("Location");
  const where = { locationId: id, onHand: { not: 0 } };
  const [rows, total] = await Promise.all([
    prisma().stockBalance.findMany({
      where,
      select: { onHand: true, product: { select: { id: true, sku: true, name: true, uom: true } }, lot: { select: { id: true, code: true, expiresAt: true } } },
      orderBy: [{ onHand: "desc" }, { id: "asc" }],
      take: LOCATION_TOP_LINES,
    }),
    prisma().stockBalance.count({ where }),
  ]);
  const { active: _active, ...shown } = location;
  return { kind: "location" as const, location: shown, lines: rows, totalLines: total };
}

/** What a scanned label is: 400 when it is no lot or location label, 404 when the lot or location is not known. */
export async function scanLabel(q: ScanLabelQuery) {
  const scan = resolveScan(q.code);
  if (!scan || (scan.kind !== "lot" && scan.kind !== "location")) {
    throw badRequest("code: not a lot or location label.", [{ path: "code", message: "must be a LOT- or LOC- label" }]);
  }
  return scan.kind === "lot" ? lotCard(scan.code) : locationCard(scan.code);
}
export type ScanLabel = Awaited<ReturnType<typeof scanLabel>>;
