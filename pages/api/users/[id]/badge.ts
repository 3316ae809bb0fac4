import { apiRoute } from "@/lib/http/api";
import { issueBadge, revokeBadge } from "@/lib/stations/badge";
import { userIdParam } from "@/lib/stations/schemas";
import { emptyInput } from "@/lib/stations/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // A new badge code for a person (shown in this answer only; the old badge stops working), or none.
  POST: {
    permission: "users:manage",
    handler: async ({ query, body, user }) => {
      emptyInput.parse(body ?? {});
      return issueBadge(userIdParam.parse(query).id, user);
    },
  },
  DELETE: { permission: "users:manage", handler: async ({ query, user }) => revokeBadge(userIdParam.parse(query).id, user) },
});
