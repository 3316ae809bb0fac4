import { apiRoute, reply } from "@/lib/http/api";
import { createWebhook, listWebhooks } from "@/lib/webhooks/manage";
import { createWebhookInput, listWebhooksQuery } from "@/lib/webhooks/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "webhooks:manage", handler: async ({ query }) => listWebhooks(listWebhooksQuery.parse(query)) },
  POST: {
    permission: "webhooks:manage",
    handler: async ({ body, user }) => reply(await createWebhook(createWebhookInput.parse(body), user), { status: 201 }),
  },
});
