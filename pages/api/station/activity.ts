import type { RequestUser } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/api";
import { forbidden } from "@/lib/http/errors";
import { slideStationSession } from "@/lib/http/station-confine";
import { emptyInput } from "@/lib/stations/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // The station screen was touched: the operator stays another STATION_IDLE_MINUTES.
  POST: {
    permission: "authenticated",
    handler: async ({ user, body }) => {
      emptyInput.parse(body ?? {});
      const u = user as Partial<RequestUser>;
      if (!u.station || !u.sessionId) throw forbidden("Only an operator identified on a station has an idle timer.");
      return { expiresAt: await slideStationSession(u.sessionId) };
    },
  },
});
