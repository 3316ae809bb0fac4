import { apiRoute, reply } from "@/lib/http/api";
import { updateWoInput, woRef } from "@/lib/manufacturing/schemas";
import { getWoDetail } from "@/lib/manufacturing/wo-read";
import { updateWo } from "@/lib/manufacturing/wo-write";

export const config = { api: { bodyParser: false } };

// `id` may be a work order's id or its code (WO-000003): tablets scan the printed code.
export default apiRoute({
  GET: { permission: "wo:read", handler: async ({ query, user }) => getWoDetail(woRef.parse(query).id, user) },
  PATCH: {
    permission: "wo:write",
    handler: async ({ query, body, user }) => {
      const { result, events } = await updateWo(woRef.parse(query).id, updateWoInput.parse(body), user);
      return reply(result, { events });
    },
  },
});
