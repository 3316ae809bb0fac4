import { apiRoute, reply } from "@/lib/http/api";
import { createWoInput, idParam, listMoWosQuery } from "@/lib/manufacturing/schemas";
import { listMoWos } from "@/lib/manufacturing/wo-read";
import { createWo } from "@/lib/manufacturing/wo-write";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: {
    permission: "wo:read",
    handler: async ({ query, user }) => {
      const q = listMoWosQuery.parse(query);
      return listMoWos(q.id, q, user);
    },
  },
  POST: {
    permission: "wo:write",
    handler: async ({ query, body, user }) => {
      const { result, events } = await createWo(idParam.parse(query).id, createWoInput.parse(body), user);
      return reply(result, { status: 201, events });
    },
  },
});
