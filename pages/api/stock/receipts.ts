import { apiRoute, reply } from "@/lib/http/api";
import { receiveStock } from "@/lib/inventory/receipt";
import { receiptInput } from "@/lib/stock/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  POST: {
    permission: "stock:adjust",
    handler: async ({ body, user }) => {
      const { result, events } = await receiveStock(receiptInput.parse(body), user);
      return reply(result, { status: 201, events });
    },
  },
});
