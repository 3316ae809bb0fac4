import { apiRoute, reply } from "@/lib/http/api";
import { createUser } from "@/lib/users/create";
import { listUsers } from "@/lib/users/list";
import { createUserInput, listUsersQuery } from "@/lib/users/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "users:manage", handler: async ({ query }) => listUsers(listUsersQuery.parse(query)) },
  POST: {
    permission: "users:manage",
    handler: async ({ body, user }) => reply(await createUser(createUserInput.parse(body), user), { status: 201 }),
  },
});
