import { apiRoute, reply } from "@/lib/http/api";
import { createWorkCenterInput, listWorkCentersQuery } from "@/lib/workcenters/schemas";
import { createWorkCenter } from "@/lib/workcenters/create";
import { listWorkCenters } from "@/lib/workcenters/list";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "authenticated", handler: async ({ query }) => listWorkCenters(listWorkCentersQuery.parse(query)) },
  POST: {
    permission: "workcenters:write",
    handler: async ({ body, user }) => reply(await createWorkCenter(createWorkCenterInput.parse(body), user), { status: 201 }),
  },
});
