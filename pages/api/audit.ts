import { listAudit } from "@/lib/audit/list";
import { listAuditQuery } from "@/lib/audit/schemas";
import { apiRoute } from "@/lib/http/api";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "audit:read", handler: async ({ query }) => listAudit(listAuditQuery.parse(query)) },
});
