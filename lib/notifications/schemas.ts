import { z } from "zod";
import { pagingQuery } from "../validation/paging";

export const listNotificationsQuery = pagingQuery.extend({ unread: z.enum(["1", "true"]).optional() }).strict();
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

export const notificationIdParam = z.object({ id: z.uuid("must be a valid id") });
