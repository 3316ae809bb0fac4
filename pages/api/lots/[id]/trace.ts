import { apiRoute } from "@/lib/http/api";
import { lotTraceQuery } from "@/lib/lots/schemas";
import { traceLot } from "@/lib/lots/trace";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "stock:read", handler: async ({ query }) => traceLot(lotTraceQuery.parse(query)) },
});
