import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { UserRole } from "../db/generated/enums";
import { env } from "../env";
import { DEFAULT_LOCALE } from "../i18n/config";
import type { DomainEvent } from "../realtime/events";
import { renderMessage, type NotificationMessage } from "./render";

export interface NotificationInput extends NotificationMessage {
  type: string;
  link?: string;
}

/** Notifies every active user of the given roles; returns the notification:new events to publish. */
export async function notifyRoles(tx: Tx, roles: UserRole[], n: NotificationInput): Promise<DomainEvent[]> {
  const users = await tx.user.findMany({ where: { role: { in: roles }, active: true }, select: { id: true } });
  return notifyUsers(tx, users.map((u) => u.id), n);
}

/**
 * Notifies the given users (duplicates ignored); returns the notification:new events to publish. The
 * row keeps the message key and parameters (rendered in each reader's language when read) and, for
 * anything that reads the columns directly, its English text.
 */
export async function notifyUsers(tx: Tx, userIds: string[], n: NotificationInput): Promise<DomainEvent[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  const text = renderMessage(n.key, n.params, DEFAULT_LOCALE, env().FACTORY_TIME_ZONE);
  // A key missing from the catalog is a programming error: fail the change rather than store no text.
  if (!text) throw new Error(`Notification message "${n.key}" is not in messages/en/notifications.json`);
  const params = n.params as unknown as Prisma.InputJsonValue;
  const rows = await tx.notification.createManyAndReturn({
    data: ids.map((userId) => ({ userId, type: n.type, title: text.title, body: text.body, key: n.key, params, link: n.link ?? null })),
    select: { id: true, userId: true, type: true },
  });
  return rows.map((r) => ({ name: "notification:new" as const, payload: { id: r.id, userId: r.userId, type: r.type } }));
}
