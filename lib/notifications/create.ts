import type { Tx } from "../db/client";
import type { UserRole } from "../db/generated/enums";
import type { DomainEvent } from "../realtime/events";

export interface NotificationInput {
  type: string;
  title: string;
  body: string;
  link?: string;
}

/** Notifies every active user of the given roles; returns the notification:new events to publish. */
export async function notifyRoles(tx: Tx, roles: UserRole[], n: NotificationInput): Promise<DomainEvent[]> {
  const users = await tx.user.findMany({ where: { role: { in: roles }, active: true }, select: { id: true } });
  return notifyUsers(tx, users.map((u) => u.id), n);
}

/** Notifies the given users (duplicates ignored); returns the notification:new events to publish. */
export async function notifyUsers(tx: Tx, userIds: string[], n: NotificationInput): Promise<DomainEvent[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  const rows = await tx.notification.createManyAndReturn({
    data: ids.map((userId) => ({ userId, type: n.type, title: n.title, body: n.body, link: n.link ?? null })),
    select: { id: true, userId: true, type: true },
  });
  return rows.map((r) => ({ name: "notification:new" as const, payload: { id: r.id, userId: r.userId, type: r.type } }));
}
