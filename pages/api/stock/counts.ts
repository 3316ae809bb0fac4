import { apiRoute, reply } from "@/lib/http/api";
import { countStock } from "@/lib/inventory/count";
import { countInput } from "@/lib/stock/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  POST: {
    permission: "stock:adjust",
    handler: async ({ body, user }) => {
      const { result, events } = await countStock(countInput.parse(body), user);
      return reply(result, { status: 201, events });
    },
  },
});
