// Multi-level BOM explosion: the tree of what N units are made of, and the summed raw materials.
import { can, type Actor } from "../auth/permissions";
import { prisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { badRequest, invalidState, notFound } from "../errors";
import { childrenByParent, loadReachableEdges } from "./graph";
import { assertProductVisible } from "./scope";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

/** Above this the tree is too large to send; shared sub-assemblies repeat in it per branch. */
export const MAX_EXPLOSION_NODES = 10_000;

export interface ExplosionNode {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  /** Per unit of the parent (1 for the root). */
  qtyPerUnit: Decimal;
  /** For the requested quantity of the root. */
  quantity: Decimal;
  children: ExplosionNode[];
}

export interface RawMaterialTotal {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  quantity: Decimal;
  /** Only for callers with stock:read. */
  onHand?: Decimal;
  shortBy?: Decimal;
  short?: boolean;
}

export interface Explosion {
  productId: string;
  quantity: Decimal;
  tree: ExplosionNode;
  /** Leaves (products with no BOM or an empty one), summed across branches, by SKU; empty when the root has no components. */
  materials: RawMaterialTotal[];
}

interface Info {
  sku: string;
  name: string;
  uom: string;
}

/**
 * Explodes a product's BOM for `quantity` units in a fixed number of queries (one recursive query for
 * the graph, one for the products, one for stock levels), with exact Decimal arithmetic.
 */
export async function explodeBom(productId: string, quantity: number, user: Actor): Promise<Explosion> {
  await assertProductVisible(prisma(), user, productId);
  const edges = await loadReachableEdges(prisma(), [productId]);
  const ids = [...new Set([productId, ...edges.map((e) => e.childId)])];
  const info = new Map<string, Info>((await prisma().product.findMany({ where: { id: { in: ids } }, select: { id: true, sku: true, name: true, uom: true } })).map((p) => [p.id, p]));
  if (!info.has(productId)) throw notFound("Product");
  const children = childrenByParent(edges);
  for (const list of children.values()) list.sort((a, b) => info.get(a.childId)!.sku.localeCompare(info.get(b.childId)!.sku));

  const totals = new Map<string, Decimal>();
  let nodes = 0;
  const build = (id: string, qtyPerUnit: Decimal, qty: Decimal, path: Set<string>): ExplosionNode => {
    if (++nodes > MAX_EXPLOSION_NODES) throw badRequest(`This BOM explodes into more than ${MAX_EXPLOSION_NODES} lines.`);
    // Writes refuse cycles; this guards the recursion against a graph changed behind our back.
    if (path.has(id)) throw invalidState(`The BOM of ${info.get(id)!.sku} contains itself.`);
    const p = info.get(id)!;
    const kids = children.get(id) ?? [];
    const node: ExplosionNode = { productId: id, sku: p.sku, name: p.name, uom: p.uom, qtyPerUnit, quantity: qty, children: [] };
    if (!kids.length) {
      if (path.size > 0) totals.set(id, (totals.get(id) ?? new Decimal(0)).plus(qty));
      return node;
    }
    const inner = new Set(path).add(id);
    node.children = kids.map((e) => build(e.childId, e.qtyPerUnit, qty.times(e.qtyPerUnit), inner));
    return node;
  };
  const qty = new Decimal(String(quantity));
  const tree = build(productId, new Decimal(1), qty, new Set());

  const withStock = can(user, "stock:read");
  const levels = withStock
    ? new Map((await prisma().stockLevel.findMany({ where: { productId: { in: [...totals.keys()] } }, select: { productId: true, onHand: true } })).map((l) => [l.productId, l.onHand]))
    : new Map<string, Decimal>();
  const materials = [...totals].map(([id, total]): RawMaterialTotal => {
    const p = info.get(id)!;
    const row: RawMaterialTotal = { productId: id, sku: p.sku, name: p.name, uom: p.uom, quantity: total };
    if (withStock) {
      const onHand = levels.get(id) ?? new Decimal(0);
      const shortBy = Decimal.max(total.minus(onHand), 0);
      Object.assign(row, { onHand, shortBy, short: shortBy.gt(0) });
    }
    return row;
  });
  materials.sort((a, b) => a.sku.localeCompare(b.sku));
  return { productId, quantity: qty, tree, materials };
}
