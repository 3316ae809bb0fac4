import { apiRoute } from "@/lib/http/api";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { listDeliveriesQuery } from "@/lib/webhooks/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "webhooks:manage", handler: async ({ query }) => listDeliveries(listDeliveriesQuery.parse(query)) },
});
