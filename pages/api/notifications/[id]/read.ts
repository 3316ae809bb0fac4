import { apiRoute } from "@/lib/http/api";
import { resolveLocale } from "@/lib/i18n/config";
import type { RequestUser } from "@/lib/auth/session";
import { notificationIdParam } from "@/lib/notifications/schemas";
import { markRead } from "@/lib/notifications/mark-read";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  POST: {
    permission: "authenticated",
    handler: async ({ query, user, req }) =>
      markRead(notificationIdParam.parse(query).id, user, resolveLocale((user as Partial<RequestUser>).locale, req.headers["accept-language"])),
  },
});
