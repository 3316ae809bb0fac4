import { apiRoute } from "@/lib/http/api";
import { listNotificationsQuery } from "@/lib/notifications/schemas";
import { listNotifications } from "@/lib/notifications/list";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "authenticated", handler: async ({ query, user }) => listNotifications(listNotificationsQuery.parse(query), user) },
});
