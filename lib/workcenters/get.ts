import { prisma } from "../db/client";
import type { WorkCenter } from "../db/generated/client";
import { notFound } from "../errors";

/** One work center, or 404. */
export async function getWorkCenter(id: string): Promise<WorkCenter> {
  const w = await prisma().workCenter.findUnique({ where: { id } });
  if (!w) throw notFound("Work center");
  return w;
}
