import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { pageArgs, type Page } from "../validation/paging";
import { publicUser, type PublicUser } from "./public-user";
import type { ListUsersQuery } from "./schemas";

/** Lists users with optional text/role/active filters. */
export async function listUsers(q: ListUsersQuery): Promise<Page<PublicUser>> {
  const where: Prisma.UserWhereInput = {
    ...(q.role ? { role: q.role } : {}),
    ...(q.active !== undefined ? { active: q.active } : {}),
    ...(q.q ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { email: { contains: q.q, mode: "insensitive" } }] } : {}),
  };
  const [items, total] = await Promise.all([
    prisma().user.findMany({ where, select: publicUser, orderBy: [{ name: "asc" }, { id: "asc" }], ...pageArgs(q) }),
    prisma().user.count({ where }),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}
