import { apiRoute } from "@/lib/http/api";
import { getLot } from "@/lib/lots/lots";
import { lotIdParam } from "@/lib/lots/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "stock:read", handler: async ({ query }) => getLot(lotIdParam.parse(query).id) },
});
