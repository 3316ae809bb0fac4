import { apiRoute } from "@/lib/http/api";
import { markAllRead } from "@/lib/notifications/mark-all-read";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  POST: { permission: "authenticated", handler: async ({ user }) => markAllRead(user) },
});
