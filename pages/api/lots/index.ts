import { apiRoute } from "@/lib/http/api";
import { listLots } from "@/lib/lots/lots";
import { listLotsQuery } from "@/lib/lots/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "stock:read", handler: async ({ query }) => listLots(listLotsQuery.parse(query)) },
});
