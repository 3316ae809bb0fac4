import { apiRoute } from "@/lib/http/api";
import { listLevels } from "@/lib/stock/list-levels";
import { listLevelsQuery } from "@/lib/stock/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "stock:read", handler: async ({ query }) => listLevels(listLevelsQuery.parse(query)) },
});
