import { apiRoute } from "@/lib/http/api";
import { resolveLocale } from "@/lib/i18n/config";
import type { RequestUser } from "@/lib/auth/session";
import { exportReport } from "@/lib/reports/export/service";

export const config = { api: { bodyParser: false } };

// Streams the file into the response itself (the wrapper sends nothing once headers are out), in the
// reader's language: their saved preference, else their browser's.
export default apiRoute({
  GET: {
    permission: "reports:read",
    handler: async ({ query, user, req, res }) =>
      exportReport(query, user, res, resolveLocale((user as Partial<RequestUser>).locale, req.headers["accept-language"])),
  },
});
