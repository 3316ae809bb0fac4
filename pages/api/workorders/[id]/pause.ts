import { apiRoute, reply } from "@/lib/http/api";
import { transitionInput, woRef } from "@/lib/manufacturing/schemas";
import { transitionWo } from "@/lib/manufacturing/wo-transitions";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  POST: {
    permission: "wo:execute",
    handler: async ({ query, body, user }) => {
      transitionInput.parse(body === undefined ? {} : body);
      const { result, events } = await transitionWo(woRef.parse(query).id, "pause", user);
      return reply(result, { events });
    },
  },
});
