import { apiRoute } from "@/lib/http/api";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/manage";
import { updateWebhookInput, webhookIdParam } from "@/lib/webhooks/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "webhooks:manage", handler: async ({ query }) => getWebhook(webhookIdParam.parse(query).id) },
  PATCH: {
    permission: "webhooks:manage",
    handler: async ({ query, body, user }) => updateWebhook(webhookIdParam.parse(query).id, updateWebhookInput.parse(body), user),
  },
  DELETE: { permission: "webhooks:manage", handler: async ({ query, user }) => deleteWebhook(webhookIdParam.parse(query).id, user) },
});
