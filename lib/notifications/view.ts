import type { Prisma } from "../db/generated/client";

/** What the API shows of a notification. */
export const notificationSelect = { id: true, type: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const satisfies Prisma.NotificationSelect;
export type NotificationView = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;
