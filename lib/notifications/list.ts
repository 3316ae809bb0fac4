import type { Actor } from "../auth/permissions";
import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { pageArgs, type Page } from "../validation/paging";
import type { ListNotificationsQuery } from "./schemas";
import { notificationSelect, type NotificationView } from "./view";

/** The caller's own notifications, unread first then newest, with the unread count. */
export async function listNotifications(q: ListNotificationsQuery, actor: Actor): Promise<Page<NotificationView> & { unread: number }> {
  const where: Prisma.NotificationWhereInput = { userId: actor.id, ...(q.unread ? { readAt: null } : {}) };
  const [items, total, unread] = await Promise.all([
    prisma().notification.findMany({
      where,
      select: notificationSelect,
      // NULLS FIRST puts unread (readAt null) on top.
      orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
      ...pageArgs(q),
    }),
    prisma().notification.count({ where }),
    prisma().notification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize, unread };
}
