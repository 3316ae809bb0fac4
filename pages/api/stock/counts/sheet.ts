import { apiRoute } from "@/lib/http/api";
import type { RequestUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { prepareCountSheet } from "@/lib/inventory/count-sheet";
import { sendExport } from "@/lib/reports/export/service";

export const config = { api: { bodyParser: false } };

// The blind count sheet of one location (docs/locations.md "Screens: transfers and counts"), streamed
// as a file in the reader's language: their saved preference, else their browser's.
export default apiRoute({
  GET: {
    permission: "stock:read",
    handler: async ({ query, user, req, res }) =>
      sendExport(await prepareCountSheet(query, { locale: resolveLocale((user as Partial<RequestUser>).locale, req.headers["accept-language"]) }), res),
  },
});
