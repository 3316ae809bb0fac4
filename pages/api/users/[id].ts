import { apiRoute, reply } from "@/lib/http/api";
import { idParam, updateUserInput } from "@/lib/users/schemas";
import { getUser, updateUser } from "@/lib/users/service";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "users:manage", handler: async ({ query }) => getUser(idParam.parse(query).id) },
  PATCH: {
    permission: "users:manage",
    handler: async ({ query, body, user }) => {
      const { result, events } = await updateUser(idParam.parse(query).id, updateUserInput.parse(body), user);
      return reply(result, { events });
    },
  },
});
