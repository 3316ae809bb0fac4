// The BOM snapshot an MO carries: its product's direct components when it was created (or when its
// product/quantity last changed while PLANNED). Consumption is computed from it, never from the
// live BOM, so editing a BOM later does not change what an open order consumes.
import { z } from "zod";
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { badRequest } from "../errors";
import { MAX_DECIMAL } from "../products/numbers";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

const snapshotLine = z.object({
  materialId: z.string(),
  sku: z.string(),
  name: z.string(),
  uom: z.string(),
  qtyPerUnit: z.union([z.number(), z.string()]),
});
export type SnapshotLine = z.infer<typeof snapshotLine>;

/** The snapshot stored on an MO, validated (a malformed one is a bug, not user input). */
export function readSnapshot(json: unknown): SnapshotLine[] {
  return z.array(snapshotLine).parse(json ?? []);
}

/** Quantity of one snapshot line for `units` of the product. */
export function lineQty(line: SnapshotLine, units: Decimal | number | string): Decimal {
  return new Decimal(line.qtyPerUnit.toString()).times(new Decimal(units.toString()));
}

/** A product that can be manufactured: it exists and is not archived (400 otherwise: it came from the body). */
export async function manufacturableProduct(tx: Tx, productId: string): Promise<{ id: string; sku: string; name: string }> {
  const p = await tx.product.findUnique({ where: { id: productId }, select: { id: true, sku: true, name: true, archivedAt: true } });
  if (!p) throw badRequest("productId: no such product.", [{ path: "productId", message: "no such product" }]);
  if (p.archivedAt) throw badRequest(`productId: ${p.sku} is archived.`, [{ path: "productId", message: "product is archived" }]);
  return p;
}

export interface BomTemplate {
  snapshot: SnapshotLine[];
  operations: { sequence: number; title: string; workCenterId: string | null; minutesPerUnit: Decimal | null; instructions: string | null }[];
}

/** The product's BOM now: direct components as a snapshot (sub-assemblies are their own MOs) and its operations. */
export async function takeBom(tx: Tx, productId: string): Promise<BomTemplate> {
  const bom = await tx.bOM.findUnique({
    where: { productId },
    select: {
      components: { select: { qtyPerUnit: true, material: { select: { id: true, sku: true, name: true, uom: true } } }, orderBy: { material: { sku: "asc" } } },
      operations: { select: { sequence: true, title: true, workCenterId: true, minutesPerUnit: true, instructions: true }, orderBy: { sequence: "asc" } },
    },
  });
  return {
    snapshot: (bom?.components ?? []).map((c) => ({
      materialId: c.material.id,
      sku: c.material.sku,
      name: c.material.name,
      uom: c.material.uom,
      qtyPerUnit: c.qtyPerUnit.toNumber(),
    })),
    operations: bom?.operations ?? [],
  };
}

/** Planned minutes of an operation for a quantity (null when the operation has no time per unit); 400 beyond Decimal(18,4). */
export function plannedMinutes(minutesPerUnit: Decimal | null, quantity: Decimal | number): Decimal | null {
  if (minutesPerUnit === null) return null;
  const minutes = new Decimal(minutesPerUnit.toString()).times(new Decimal(quantity.toString())).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  if (minutes.abs().gte(MAX_DECIMAL)) throw badRequest("quantity: the planned minutes of its operations would be too large.", [{ path: "quantity", message: "too large" }]);
  return minutes;
}
