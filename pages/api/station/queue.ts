import { apiRoute } from "@/lib/http/api";
import { requireStation } from "@/lib/http/routes/station";
import { stationQueue } from "@/lib/stations/queue";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // The station's work centers' open work orders, ranked (lib/stations/queue.ts).
  GET: { permission: "public", handler: async ({ req, user }) => stationQueue((await requireStation(req, user)).workCenters.map((w) => w.id)) },
});
