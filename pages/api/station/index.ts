import { apiRoute } from "@/lib/http/api";
import { operatorOn, requireStation } from "@/lib/http/routes/station";
import { stationState } from "@/lib/stations/state";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // The station this browser is, and the operator on it (null: the PIN pad is showing).
  GET: {
    permission: "public",
    handler: async ({ req, user }) => {
      const device = await requireStation(req, user);
      return stationState(device, operatorOn(device, user));
    },
  },
});
