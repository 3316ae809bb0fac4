import { apiRoute, reply } from "@/lib/http/api";
import { transferStock } from "@/lib/inventory/transfer";
import { transferInput } from "@/lib/stock/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  POST: {
    permission: "stock:adjust",
    handler: async ({ body, user }) => {
      const { result, events } = await transferStock(transferInput.parse(body), user);
      return reply(result, { status: 201, events });
    },
  },
});
