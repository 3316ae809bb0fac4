import { apiRoute, reply } from "@/lib/http/api";
import { pauseWoInput, woRef } from "@/lib/manufacturing/schemas";
import { transitionWo } from "@/lib/manufacturing/wo-transitions";

// Next reads this export from the route file itself, so it stays here.
export const config = { api: { bodyParser: false } };

/** Pauses a work order: `{ reason }`, an active pause reason's code (absent: OTHER). */
export default apiRoute({
  POST: {
    permission: "wo:execute",
    handler: async ({ query, body, user }) => {
      const input = pauseWoInput.parse(body === undefined ? {} : body);
      const { result, events } = await transitionWo(woRef.parse(query).id, "pause", user, input);
      return reply(result, { events });
    },
  },
});
