import { apiRoute, reply } from "@/lib/http/api";
import { createPauseReason, listPauseReasons } from "@/lib/manufacturing/pause-reasons";
import { createPauseReasonInput, listPauseReasonsQuery } from "@/lib/manufacturing/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "authenticated", handler: async ({ query }) => listPauseReasons(listPauseReasonsQuery.parse(query)) },
  POST: {
    permission: "pause-reasons:write",
    handler: async ({ body, user }) => reply(await createPauseReason(createPauseReasonInput.parse(body), user), { status: 201 }),
  },
});
