import { apiRoute } from "@/lib/http/api";
import { getLocation, updateLocation } from "@/lib/locations/locations";
import { locationIdParam, updateLocationInput } from "@/lib/locations/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "stock:read", handler: async ({ query }) => getLocation(locationIdParam.parse(query).id) },
  PATCH: {
    permission: "stock:adjust",
    handler: async ({ query, body, user }) => updateLocation(locationIdParam.parse(query).id, updateLocationInput.parse(body), user),
  },
});
