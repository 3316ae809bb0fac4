import { sessionIdOf } from "@/lib/auth/session";
import { apiRoute, reply } from "@/lib/http/api";
import { getUser } from "@/lib/users/get";
import { idParam, updateUserInput } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "users:manage", handler: async ({ query }) => getUser(idParam.parse(query).id) },
  PATCH: {
    permission: "users:manage",
    handler: async ({ query, body, user }) => {
      const { result, events } = await updateUser(idParam.parse(query).id, updateUserInput.parse(body), user, sessionIdOf(user));
      return reply(result, { events });
    },
  },
});
