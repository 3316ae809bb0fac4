import { apiRoute } from "@/lib/http/api";
import { updateWorkCenterInput, workCenterIdParam } from "@/lib/workcenters/schemas";
import { getWorkCenter } from "@/lib/workcenters/get";
import { updateWorkCenter } from "@/lib/workcenters/update";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "authenticated", handler: async ({ query }) => getWorkCenter(workCenterIdParam.parse(query).id) },
  PATCH: {
    permission: "workcenters:write",
    handler: async ({ query, body, user }) => updateWorkCenter(workCenterIdParam.parse(query).id, updateWorkCenterInput.parse(body), user),
  },
});
