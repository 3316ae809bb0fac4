import { apiRoute, reply } from "@/lib/http/api";
import { createLocation, listLocations } from "@/lib/locations/locations";
import { createLocationInput, listLocationsQuery } from "@/lib/locations/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "stock:read", handler: async ({ query }) => listLocations(listLocationsQuery.parse(query)) },
  POST: {
    permission: "stock:adjust",
    handler: async ({ body, user }) => reply(await createLocation(createLocationInput.parse(body), user), { status: 201 }),
  },
});
