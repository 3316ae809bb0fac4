import { apiRoute } from "@/lib/http/api";
import { woRef } from "@/lib/manufacturing/schemas";
import { getWoCompletionLots } from "@/lib/manufacturing/wo-lots";

export const config = { api: { bodyParser: false } };

// The lots a work order's completion may name (the tablet's Complete panel; docs/locations.md
// "Manufacturing orders"): only what that panel shows, for whoever runs the work order.
export default apiRoute({
  GET: { permission: "wo:execute", handler: async ({ query, user }) => getWoCompletionLots(woRef.parse(query).id, user) },
});
