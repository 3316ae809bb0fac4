// The traceability certificate of a lot as a PDF (`?format=pdf`, the default; `?depth=` as the trace),
// in the reader's language: their saved preference, else their browser's. Built whole before it is
// sent, so an unknown lot or a bad query is an ordinary JSON error.
import { apiRoute } from "@/lib/http/api";
import type { RequestUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { lotCertificate } from "@/lib/lots/certificate";
import { lotCertificateQuery } from "@/lib/lots/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: {
    permission: "stock:read",
    handler: async ({ query, user, req, res }) => {
      const file = await lotCertificate(lotCertificateQuery.parse(query), resolveLocale((user as Partial<RequestUser>).locale, req.headers["accept-language"]));
      res.setHeader("Content-Type", file.contentType);
      res.setHeader("Content-Disposition", `attachment; filename="${file.filename}"`);
      res.setHeader("Content-Length", String(file.body.length));
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.status(200).end(file.body);
    },
  },
});
