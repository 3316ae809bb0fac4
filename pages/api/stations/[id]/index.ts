import { apiRoute } from "@/lib/http/api";
import { stationIdParam, updateStationInput } from "@/lib/stations/schemas";
import { updateStation } from "@/lib/stations/stations";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  PATCH: { permission: "stations:manage", handler: async ({ query, body, user }) => updateStation(stationIdParam.parse(query).id, updateStationInput.parse(body), user) },
});
