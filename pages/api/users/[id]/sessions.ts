import { apiRoute, reply } from "@/lib/http/api";
import { endAllSessions } from "@/lib/users/end-sessions";
import { idParam } from "@/lib/users/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // "Sign out everywhere" for a lost tablet or a leaver: every cookie of the user stops working.
  DELETE: {
    permission: "users:manage",
    handler: async ({ query, user }) => {
      const { result, events } = await endAllSessions(idParam.parse(query).id, user);
      return reply(result, { events });
    },
  },
});
