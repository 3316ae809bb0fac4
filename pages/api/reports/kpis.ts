import { apiRoute } from "@/lib/http/api";
import { getKpis } from "@/lib/reports/kpis";
import { periodQuery } from "@/lib/reports/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "reports:read", handler: async ({ query, user }) => getKpis(periodQuery.parse(query), user) },
});
