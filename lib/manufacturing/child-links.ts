// The sub-assembly links of an MO for its detail: its parent, its direct children, and every
// descendant (for the tree on the parent's page), each as { id, orderNo, state, quantity }. One
// recursive query finds the descendants; what the actor may not read (an operator's scope) is left out.
import type { Actor } from "../auth/permissions";
import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { OrderState } from "../db/generated/enums";
import { visibleMos } from "./scope";

export interface MoLink {
  id: string;
  orderNo: string;
  state: OrderState;
  quantity: Prisma.Decimal;
}

/** A descendant: the link plus what the tree needs (its parent, product and depth below the MO, 1 = child). */
export interface MoTreeNode extends MoLink {
  parentId: string;
  depth: number;
  product: { id: string; sku: string; name: string };
}

export interface MoFamily {
  parent: MoLink | null;
  children: MoLink[];
  descendants: MoTreeNode[];
}

/** Deeper than this the tree is cut (creation refuses cycles; this guards a graph changed by hand). */
const MAX_DEPTH = 50;

const linkSelect = { id: true, orderNo: true, state: true, quantity: true } as const;

export async function moFamily(db: Tx, mo: { id: string; parentId: string | null }, actor: Actor): Promise<MoFamily> {
  const below = await db.$queryRaw<{ id: string; depth: number }[]>`
    WITH RECURSIVE tree AS (
      SELECT "id", 1 AS depth FROM "ManufacturingOrder" WHERE "parentId" = ${mo.id}
      UNION ALL
      SELECT c."id", t.depth + 1 FROM "ManufacturingOrder" c JOIN tree t ON c."parentId" = t."id" WHERE t.depth < ${MAX_DEPTH}
    )
    SELECT "id", MIN(depth)::int AS depth FROM tree GROUP BY "id"`;
  const depthOf = new Map(below.map((r) => [r.id, Number(r.depth)]));
  const visible = visibleMos(actor);
  // One after the other: inside a transaction the queries share one connection.
  const parent = mo.parentId ? await db.manufacturingOrder.findFirst({ where: { AND: [{ id: mo.parentId }, visible] }, select: linkSelect }) : null;
  const rows = below.length
    ? await db.manufacturingOrder.findMany({
        where: { AND: [{ id: { in: [...depthOf.keys()] } }, visible] },
        select: { ...linkSelect, parentId: true, product: { select: { id: true, sku: true, name: true } } },
        orderBy: [{ createdAt: "asc" }, { orderNo: "asc" }],
      })
    : [];
  const descendants = rows.map((r): MoTreeNode => ({ ...r, parentId: r.parentId!, depth: depthOf.get(r.id)! }));
  return {
    parent,
    children: descendants.filter((d) => d.depth === 1).map(({ id, orderNo, state, quantity }) => ({ id, orderNo, state, quantity })),
    descendants,
  };
}
