import type { Actor } from "../auth/permissions";
import { prisma } from "../db/client";
import { env } from "../env";
import { notFound } from "../errors";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config";
import { renderRow } from "./render";
import { notificationSelect, type NotificationView } from "./view";

/** Marks one of the caller's notifications read (idempotent); another person's is 404. The text is in `locale`. */
export async function markRead(id: string, actor: Actor, locale: Locale = DEFAULT_LOCALE): Promise<NotificationView> {
  const tz = env().FACTORY_TIME_ZONE;
  const n = await prisma().notification.findFirst({ where: { id, userId: actor.id }, select: notificationSelect });
  if (!n) throw notFound("Notification");
  if (n.readAt) return renderRow(n, locale, tz);
  return renderRow(await prisma().notification.update({ where: { id }, data: { readAt: new Date() }, select: notificationSelect }), locale, tz);
}
