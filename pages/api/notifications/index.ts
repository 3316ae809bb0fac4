import { apiRoute } from "@/lib/http/api";
import { resolveLocale } from "@/lib/i18n/config";
import type { RequestUser } from "@/lib/auth/session";
import { listNotificationsQuery } from "@/lib/notifications/schemas";
import { listNotifications } from "@/lib/notifications/list";

export const config = { api: { bodyParser: false } };

// The text of each notification in the reader's language: their saved preference, else their browser's.
export default apiRoute({
  GET: {
    permission: "authenticated",
    handler: async ({ query, user, req }) =>
      listNotifications(listNotificationsQuery.parse(query), user, resolveLocale((user as Partial<RequestUser>).locale, req.headers["accept-language"])),
  },
});
