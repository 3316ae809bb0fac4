import { prisma } from "../db/client";
import type { Prisma, WorkCenter } from "../db/generated/client";
import { pageArgs, type Page } from "../validation/paging";
import type { ListWorkCentersQuery } from "./schemas";

/** Lists work centers by name, optionally only active or inactive ones. */
export async function listWorkCenters(q: ListWorkCentersQuery): Promise<Page<WorkCenter>> {
  const where: Prisma.WorkCenterWhereInput = q.active !== undefined ? { active: q.active } : {};
  const [items, total] = await Promise.all([
    prisma().workCenter.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], ...pageArgs(q) }),
    prisma().workCenter.count({ where }),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}
