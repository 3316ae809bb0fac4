import { prisma } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api";
import { getFloorFigures, parseFloorQuery } from "@/lib/reports/floor";

export const config = { api: { bodyParser: false } };

/** OEE per work center and downtime per reason over `?from=&to=&tz=` (default the last 30 days), optionally one `workCenterId`. */
export default apiRoute({
  GET: { permission: "reports:read", handler: async ({ query }) => getFloorFigures(prisma(), parseFloorQuery(query)) },
});
