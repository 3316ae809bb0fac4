import type { Actor } from "../auth/permissions";
import { prisma } from "../db/client";
import type { Prisma, Product } from "../db/generated/client";
import { pageArgs, type Page } from "../validation/paging";
import type { ListProductsQuery } from "./schemas";
import { ownProductIds } from "./scope";

/** Lists products (archived hidden unless asked for); operators see only their WOs' parts. */
export async function listProducts(q: ListProductsQuery, user: Actor): Promise<Page<Product>> {
  const own = await ownProductIds(prisma(), user);
  const where: Prisma.ProductWhereInput = {
    ...(own ? { id: { in: own } } : {}),
    ...(q.includeArchived ? {} : { archivedAt: null }),
    ...(q.isFinished !== undefined ? { isFinished: q.isFinished } : {}),
    ...(q.q ? { OR: [{ sku: { contains: q.q, mode: "insensitive" } }, { name: { contains: q.q, mode: "insensitive" } }] } : {}),
  };
  const [items, total] = await Promise.all([
    prisma().product.findMany({ where, orderBy: [{ sku: "asc" }, { id: "asc" }], ...pageArgs(q) }),
    prisma().product.count({ where }),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}
