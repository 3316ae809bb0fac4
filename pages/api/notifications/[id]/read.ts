import { apiRoute } from "@/lib/http/api";
import { notificationIdParam } from "@/lib/notifications/schemas";
import { markRead } from "@/lib/notifications/mark-read";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  POST: { permission: "authenticated", handler: async ({ query, user }) => markRead(notificationIdParam.parse(query).id, user) },
});
