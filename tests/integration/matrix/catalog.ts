// Products, BOMs and work centers in the role × route matrix.
import type { Db } from "@/lib/db/client";
import { ensureStockLevel } from "@/lib/stock/levels";
import type { Fixtures, MatrixEntry } from "./types";

const ALL = ["ADMIN", "MANAGER", "OPERATOR", "INVENTORY", "SALES", "VIEWER"] as const;
const WRITERS = ["ADMIN", "MANAGER"] as const;

/** A fresh product nobody references, so each call may delete it or give it a BOM. */
async function freshProduct(prisma: Db, fx: Fixtures): Promise<Record<string, string>> {
  const p = await prisma.$transaction(async (tx) => {
    const created = await tx.product.create({ data: { sku: `MX-${fx.unique}`, name: `Matrix ${fx.unique}` } });
    await ensureStockLevel(tx, created.id); // as the products API does: the stock module writes levels
    return created;
  });
  return { product: p.id };
}

export const entries: MatrixEntry[] = [
  // The operator reads TABLE-100: the demo order (theirs) produces it.
  { route: "/api/products", method: "GET", path: () => "/api/products?q=steel", allowed: [...ALL] },
  {
    route: "/api/products",
    method: "POST",
    path: () => "/api/products",
    body: (fx) => ({ sku: `MX-NEW-${fx.unique}`, name: "Matrix product", isFinished: false }),
    allowed: [...WRITERS],
  },
  { route: "/api/products/[id]", method: "GET", path: (fx) => `/api/products/${fx.products.table}`, allowed: [...ALL] },
  {
    route: "/api/products/[id]",
    method: "PATCH",
    path: (fx) => `/api/products/${fx.products.steel}`,
    body: (fx) => ({ description: `Steel plate (${fx.unique})` }),
    allowed: [...WRITERS],
  },
  {
    route: "/api/products/[id]",
    method: "DELETE",
    path: (fx) => `/api/products/${fx.extra.product}`,
    setup: freshProduct,
    allowed: [...WRITERS],
  },
  { route: "/api/products/[id]/bom", method: "GET", path: (fx) => `/api/products/${fx.products.table}/bom`, allowed: [...ALL] },
  {
    route: "/api/products/[id]/bom",
    method: "PUT",
    path: (fx) => `/api/products/${fx.extra.product}/bom`,
    setup: freshProduct,
    body: (fx) => ({ components: [{ materialId: fx.products.steel, qtyPerUnit: 2 }], operations: [{ title: "Cut", workCenterId: fx.workCenters.welding, minutesPerUnit: 4 }] }),
    allowed: [...WRITERS],
  },
  { route: "/api/products/[id]/bom/explode", method: "GET", path: (fx) => `/api/products/${fx.products.table}/bom/explode?quantity=2`, allowed: [...ALL] },
  { route: "/api/workcenters", method: "GET", path: () => "/api/workcenters?active=true", allowed: [...ALL] },
  {
    route: "/api/workcenters",
    method: "POST",
    path: () => "/api/workcenters",
    body: (fx) => ({ name: `Matrix cell ${fx.unique}`, costPerHour: 10, capacity: 1 }),
    allowed: [...WRITERS],
  },
  { route: "/api/workcenters/[id]", method: "GET", path: (fx) => `/api/workcenters/${fx.workCenters.welding}`, allowed: [...ALL] },
  {
    route: "/api/workcenters/[id]",
    method: "PATCH",
    path: (fx) => `/api/workcenters/${fx.workCenters.assembly}`,
    body: (fx) => ({ description: `Assembly bench (${fx.unique})` }),
    allowed: [...WRITERS],
  },
];
