import { apiRoute } from "@/lib/http/api";
import { getBom, replaceBom } from "@/lib/products/bom";
import { productIdParam, replaceBomInput } from "@/lib/products/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "products:read", handler: async ({ query, user }) => getBom(productIdParam.parse(query).id, user) },
  PUT: {
    permission: "products:write",
    handler: async ({ query, body, user }) => replaceBom(productIdParam.parse(query).id, replaceBomInput.parse(body), user),
  },
});
