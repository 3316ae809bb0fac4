import { apiRoute, reply } from "@/lib/http/api";
import { completeMo } from "@/lib/manufacturing/mo-transitions";
import { completeMoInput, idParam } from "@/lib/manufacturing/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  POST: {
    permission: "mo:write",
    handler: async ({ query, body, user }) => {
      const { result, events } = await completeMo(idParam.parse(query).id, completeMoInput.parse(body === undefined ? {} : body), user);
      return reply(result, { events });
    },
  },
});
