import { apiRoute, reply } from "@/lib/http/api";
import { createStationInput } from "@/lib/stations/schemas";
import { createStation, listStations } from "@/lib/stations/stations";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "stations:manage", handler: async () => listStations() },
  POST: { permission: "stations:manage", handler: async ({ body, user }) => reply(await createStation(createStationInput.parse(body), user), { status: 201 }) },
});
