import { apiRoute, reply } from "@/lib/http/api";
import { adjustStock } from "@/lib/inventory/manual-adjustment";
import { manualAdjustmentInput } from "@/lib/stock/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  POST: {
    permission: "stock:adjust",
    handler: async ({ body, user }) => {
      const { result, events } = await adjustStock(manualAdjustmentInput.parse(body), user);
      return reply(result, { status: 201, events });
    },
  },
});
