import type { Actor } from "../auth/permissions";
import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { notFound } from "../errors";
import { pageArgs, type Page } from "../validation/paging";
import type { ListNotificationsQuery } from "./schemas";

const fields = { id: true, type: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const satisfies Prisma.NotificationSelect;
export type NotificationView = Prisma.NotificationGetPayload<{ select: typeof fields }>;

/** The caller's own notifications, unread first then newest, with the unread count. */
export async function listNotifications(q: ListNotificationsQuery, actor: Actor): Promise<Page<NotificationView> & { unread: number }> {
  const where: Prisma.NotificationWhereInput = { userId: actor.id, ...(q.unread ? { readAt: null } : {}) };
  const [items, total, unread] = await Promise.all([
    prisma().notification.findMany({
      where,
      select: fields,
      // NULLS FIRST puts unread (readAt null) on top.
      orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
      ...pageArgs(q),
    }),
    prisma().notification.count({ where }),
    prisma().notification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize, unread };
}

/** Marks one of the caller's notifications read (idempotent); another person's is 404. */
export async function markRead(id: string, actor: Actor): Promise<NotificationView> {
  const n = await prisma().notification.findFirst({ where: { id, userId: actor.id }, select: fields });
  if (!n) throw notFound("Notification");
  if (n.readAt) return n;
  return prisma().notification.update({ where: { id }, data: { readAt: new Date() }, select: fields });
}

/** Marks all the caller's notifications read. */
export async function markAllRead(actor: Actor): Promise<{ updated: number }> {
  const r = await prisma().notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return { updated: r.count };
}
