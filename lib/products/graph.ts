// The BOM graph (product → component edges) loaded in one recursive query, and cycle search on it.
import type { Db, Tx } from "../db/client";
import { Prisma } from "../db/generated/client";

export interface BomEdge {
  parentId: string;
  childId: string;
  qtyPerUnit: Prisma.Decimal;
}

/** Every BOM edge reachable from the given products (their own BOMs included), in one query. */
export async function loadReachableEdges(db: Db | Tx, rootIds: string[]): Promise<BomEdge[]> {
  if (!rootIds.length) return [];
  // UNION (not UNION ALL) makes the recursion stop even if the stored graph had a cycle.
  const rows = await db.$queryRaw<{ parentId: string; childId: string; qty: string }[]>`
    WITH RECURSIVE reach(pid) AS (
      SELECT x FROM unnest(ARRAY[${Prisma.join(rootIds)}]::text[]) AS x
      UNION
      SELECT c."materialId" FROM reach r
      JOIN "BOM" b ON b."productId" = r.pid
      JOIN "BOMComponent" c ON c."bomId" = b."id"
    )
    SELECT b."productId" AS "parentId", c."materialId" AS "childId", c."qtyPerUnit"::text AS qty
    FROM "BOM" b JOIN "BOMComponent" c ON c."bomId" = b."id"
    WHERE b."productId" IN (SELECT pid FROM reach)`;
  return rows.map((r) => ({ parentId: r.parentId, childId: r.childId, qtyPerUnit: new Prisma.Decimal(r.qty) }));
}

/** Groups edges by parent. */
export function childrenByParent(edges: BomEdge[]): Map<string, BomEdge[]> {
  const map = new Map<string, BomEdge[]>();
  for (const e of edges) {
    const list = map.get(e.parentId);
    if (list) list.push(e);
    else map.set(e.parentId, [e]);
  }
  return map;
}

/**
 * The shortest cycle that giving `productId` the components `componentIds` would close, as the
 * product ids along it (`[P, …, P]`), or null. The graph without P's current BOM is acyclic, so any
 * new cycle runs through P: search from the new components for a path back to P.
 */
export function findCycleThrough(productId: string, componentIds: string[], edges: BomEdge[]): string[] | null {
  const children = childrenByParent(edges.filter((e) => e.parentId !== productId));
  const prev = new Map<string, string>(); // breadth-first parent pointers
  const queue: string[] = [];
  for (const c of componentIds) {
    if (c === productId) return [productId, productId];
    if (!prev.has(c)) {
      prev.set(c, productId);
      queue.push(c);
    }
  }
  while (queue.length) {
    const node = queue.shift()!;
    for (const e of children.get(node) ?? []) {
      if (e.childId === productId) {
        const path = [productId, node];
        for (let p = prev.get(node)!; p !== productId; p = prev.get(p)!) path.push(p);
        return [productId, ...path.slice(1).reverse(), productId];
      }
      if (!prev.has(e.childId)) {
        prev.set(e.childId, node);
        queue.push(e.childId);
      }
    }
  }
  return null;
}
