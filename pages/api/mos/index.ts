import { apiRoute, reply } from "@/lib/http/api";
import { createMo } from "@/lib/manufacturing/mo-create";
import { listMos } from "@/lib/manufacturing/mo-read";
import { createMoInput, listMosQuery } from "@/lib/manufacturing/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "mo:read", handler: async ({ query, user }) => listMos(listMosQuery.parse(query), user) },
  POST: {
    permission: "mo:write",
    handler: async ({ body, user }) => {
      const { result, events } = await createMo(createMoInput.parse(body), user);
      return reply(result, { status: 201, events });
    },
  },
});
