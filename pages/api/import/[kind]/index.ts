import type { RequestUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { apiRoute, reply } from "@/lib/http/api";
import { resolveLocale } from "@/lib/i18n/config";
import { runImport } from "@/lib/import/run";
import { importQuery, KIND_PERMISSION, MAX_IMPORT_BYTES } from "@/lib/import/schemas";

export const config = { api: { bodyParser: false } };

// The file is the body (multipart part `file`, or the file itself as text/csv or xlsx), streamed to
// disk by the wrapper (413 over MAX_IMPORT_BYTES); each kind also needs the permission of what it writes.
export default apiRoute({
  POST: {
    permission: "import:run",
    upload: { maxBytes: MAX_IMPORT_BYTES },
    handler: async ({ query, user, req, upload }) => {
      const q = importQuery.parse(query);
      if (!can(user, KIND_PERMISSION[q.kind])) throw new ForbiddenError(`Importing ${q.kind} needs the permission ${KIND_PERMISSION[q.kind]}.`);
      if (!upload || upload.size === 0) throw new ValidationError("Send a CSV or XLSX file.", [{ path: "file", message: "is required" }]);
      const locale = resolveLocale((user as Partial<RequestUser>).locale, req.headers["accept-language"]);
      const { result, events } = await runImport(q, new Set(Object.keys(query)), upload, user, locale);
      return reply(result, { events });
    },
  },
});
