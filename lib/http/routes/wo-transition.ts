// POST /api/workorders/:id/start | pause | complete: one route shape, three actions.
import { transitionInput, woRef } from "../../manufacturing/schemas";
import type { WoAction } from "../../manufacturing/states";
import { transitionWo } from "../../manufacturing/wo-transitions";
import { apiRoute, reply } from "../api";

/** The route of one work order transition: no body, `{}` or `{ at }` (the device's time), the WO by id or code, wo:execute. */
export function woTransitionRoute(action: WoAction) {
  return apiRoute({
    POST: {
      permission: "wo:execute",
      handler: async ({ query, body, user }) => {
        const input = transitionInput.parse(body === undefined ? {} : body);
        const { result, events } = await transitionWo(woRef.parse(query).id, action, user, input);
        return reply(result, { events });
      },
    },
  });
}
