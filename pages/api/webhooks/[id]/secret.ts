import { apiRoute } from "@/lib/http/api";
import { rotateWebhookSecret } from "@/lib/webhooks/manage";
import { rotateSecretInput, webhookIdParam } from "@/lib/webhooks/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // A new secret, answered once (the old one stops signing at once).
  POST: {
    permission: "webhooks:manage",
    handler: async ({ query, body, user }) => rotateWebhookSecret(webhookIdParam.parse(query).id, rotateSecretInput.parse(body ?? {}), user),
  },
});
