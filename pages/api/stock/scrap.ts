import { apiRoute, reply } from "@/lib/http/api";
import { scrapStock } from "@/lib/inventory/scrap";
import { scrapInput } from "@/lib/stock/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  POST: {
    permission: "stock:adjust",
    handler: async ({ body, user }) => {
      const { result, events } = await scrapStock(scrapInput.parse(body), user);
      return reply(result, { status: 201, events });
    },
  },
});
