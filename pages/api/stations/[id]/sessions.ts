import { apiRoute, reply } from "@/lib/http/api";
import { stationIdParam } from "@/lib/stations/schemas";
import { revokeStation } from "@/lib/stations/stations";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // Signs every tablet of the station out, and the operators identified on them (a lost or moved tablet).
  DELETE: {
    permission: "stations:manage",
    handler: async ({ query, user }) => {
      const { result, events } = await revokeStation(stationIdParam.parse(query).id, user);
      return reply(result, { events });
    },
  },
});
