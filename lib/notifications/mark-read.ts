import type { Actor } from "../auth/permissions";
import { prisma } from "../db/client";
import { notFound } from "../errors";
import { notificationSelect, type NotificationView } from "./view";

/** Marks one of the caller's notifications read (idempotent); another person's is 404. */
export async function markRead(id: string, actor: Actor): Promise<NotificationView> {
  const n = await prisma().notification.findFirst({ where: { id, userId: actor.id }, select: notificationSelect });
  if (!n) throw notFound("Notification");
  if (n.readAt) return n;
  return prisma().notification.update({ where: { id }, data: { readAt: new Date() }, select: notificationSelect });
}
