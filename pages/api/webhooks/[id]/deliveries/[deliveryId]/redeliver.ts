import { apiRoute, reply } from "@/lib/http/api";
import { redeliver } from "@/lib/webhooks/deliveries";
import { deliveryParam, redeliverInput } from "@/lib/webhooks/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  POST: {
    permission: "webhooks:manage",
    handler: async ({ query, body, user }) => {
      const p = deliveryParam.parse(query);
      redeliverInput.parse(body ?? {});
      return reply(await redeliver(p.id, p.deliveryId, user), { status: 201 });
    },
  },
});
