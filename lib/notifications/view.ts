import type { Prisma } from "../db/generated/client";

/** What is read of a notification row: the API's fields plus the message it is rendered from. */
export const notificationSelect = {
  id: true,
  type: true,
  title: true,
  body: true,
  key: true,
  params: true,
  link: true,
  readAt: true,
  createdAt: true,
} as const satisfies Prisma.NotificationSelect;
type Stored = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

/** What the API shows of a notification (title and body in the reader's language). */
export type NotificationView = Omit<Stored, "key" | "params">;
