import { apiRoute } from "@/lib/http/api";
import { updatePauseReason } from "@/lib/manufacturing/pause-reasons";
import { idParam, updatePauseReasonInput } from "@/lib/manufacturing/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  PATCH: {
    permission: "pause-reasons:write",
    handler: async ({ query, body, user }) => updatePauseReason(idParam.parse(query).id, updatePauseReasonInput.parse(body), user),
  },
});
