import { apiRoute, reply } from "@/lib/http/api";
import { cancelMo } from "@/lib/manufacturing/mo-transitions";
import { cancelMoInput, idParam } from "@/lib/manufacturing/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  POST: {
    permission: "mo:write",
    handler: async ({ query, body, user }) => {
      const { result, events } = await cancelMo(idParam.parse(query).id, cancelMoInput.parse(body === undefined ? {} : body), user);
      return reply(result, { events });
    },
  },
});
