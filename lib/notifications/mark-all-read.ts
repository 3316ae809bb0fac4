import type { Actor } from "../auth/permissions";
import { prisma } from "../db/client";

/** Marks all the caller's notifications read. */
export async function markAllRead(actor: Actor): Promise<{ updated: number }> {
  const r = await prisma().notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return { updated: r.count };
}
