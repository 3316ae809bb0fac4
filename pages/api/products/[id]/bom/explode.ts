import { apiRoute } from "@/lib/http/api";
import { explodeBom } from "@/lib/products/explode";
import { explodeQuery } from "@/lib/products/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: {
    permission: "products:read",
    handler: async ({ query, user }) => {
      const q = explodeQuery.parse(query);
      return explodeBom(q.id, q.quantity, user);
    },
  },
});
