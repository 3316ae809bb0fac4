import { apiRoute, reply } from "@/lib/http/api";
import { getMoDetail } from "@/lib/manufacturing/mo-read";
import { updateMo } from "@/lib/manufacturing/mo-update";
import { idParam, updateMoInput } from "@/lib/manufacturing/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "mo:read", handler: async ({ query, user }) => getMoDetail(idParam.parse(query).id, user) },
  // SALES hold mo:edit-customer-fields only: the service refuses (403) any other field from them.
  PATCH: {
    permission: "mo:edit-customer-fields",
    handler: async ({ query, body, user }) => {
      const { result, events } = await updateMo(idParam.parse(query).id, updateMoInput.parse(body), user);
      return reply(result, { events });
    },
  },
});
