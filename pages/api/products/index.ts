import { apiRoute, reply } from "@/lib/http/api";
import { createProductInput, listProductsQuery } from "@/lib/products/schemas";
import { createProduct } from "@/lib/products/create";
import { listProducts } from "@/lib/products/list";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "products:read", handler: async ({ query, user }) => listProducts(listProductsQuery.parse(query), user) },
  POST: {
    permission: "products:write",
    handler: async ({ body, user }) => reply(await createProduct(createProductInput.parse(body), user), { status: 201 }),
  },
});
