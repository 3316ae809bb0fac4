import { apiRoute, reply } from "@/lib/http/api";
import { completeWo } from "@/lib/manufacturing/wo-transitions";
import { completeWoInput, woRef } from "@/lib/manufacturing/schemas";

// Next reads this export from the route file itself, so it stays here.
export const config = { api: { bodyParser: false } };

/** Completes a work order: optional `{ goodQty?, scrapQty?, scrapReason? }` (docs/domain.md "Good and scrap"). */
export default apiRoute({
  POST: {
    permission: "wo:execute",
    handler: async ({ query, body, user }) => {
      const input = completeWoInput.parse(body === undefined ? {} : body);
      const { result, events } = await completeWo(woRef.parse(query).id, input, user);
      return reply(result, { events });
    },
  },
});
