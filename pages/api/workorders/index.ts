import { apiRoute } from "@/lib/http/api";
import { listWosQuery } from "@/lib/manufacturing/schemas";
import { listWos } from "@/lib/manufacturing/wo-read";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "wo:read", handler: async ({ query, user }) => listWos(listWosQuery.parse(query), user) },
});
