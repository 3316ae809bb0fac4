import type { Actor } from "../auth/permissions";
import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { env } from "../env";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config";
import { pageArgs, type Page } from "../validation/paging";
import type { ListNotificationsQuery } from "./schemas";
import { renderRow } from "./render";
import { notificationSelect, type NotificationView } from "./view";

/** The caller's own notifications, unread first then newest, with the unread count; the text in `locale`. */
export async function listNotifications(q: ListNotificationsQuery, actor: Actor, locale: Locale = DEFAULT_LOCALE): Promise<Page<NotificationView> & { unread: number }> {
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
  const tz = env().FACTORY_TIME_ZONE;
  return { items: items.map((n) => renderRow(n, locale, tz)), total, page: q.page, pageSize: q.pageSize, unread };
}
