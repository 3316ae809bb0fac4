import { apiRoute } from "@/lib/http/api";
import { requireStation } from "@/lib/http/routes/station";
import { stationOperators } from "@/lib/stations/identify";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // The names on the PIN pad: people who run work orders and have set a PIN.
  GET: {
    permission: "public",
    handler: async ({ req, user }) => {
      await requireStation(req, user);
      return stationOperators();
    },
  },
});
