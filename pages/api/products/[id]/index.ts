import { apiRoute, reply } from "@/lib/http/api";
import { deleteProduct } from "@/lib/products/delete";
import { productIdParam, updateProductInput } from "@/lib/products/schemas";
import { getProduct } from "@/lib/products/get";
import { updateProduct } from "@/lib/products/update";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "products:read", handler: async ({ query, user }) => getProduct(productIdParam.parse(query).id, user) },
  PATCH: {
    permission: "products:write",
    handler: async ({ query, body, user }) => updateProduct(productIdParam.parse(query).id, updateProductInput.parse(body), user),
  },
  DELETE: {
    permission: "products:write",
    handler: async ({ query, user }) => {
      await deleteProduct(productIdParam.parse(query).id, user);
      return reply(null, { status: 204 });
    },
  },
});
