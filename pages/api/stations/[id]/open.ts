import { stationTokenOf } from "@/lib/auth/session";
import { clientIp } from "@/lib/auth/login";
import { apiRoute, reply } from "@/lib/http/api";
import { clearSessionCookie, setStationCookie } from "@/lib/stations/cookies";
import { emptyInput, stationIdParam } from "@/lib/stations/schemas";
import { openStation } from "@/lib/stations/stations";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // This browser becomes the station; the manager's own sign-in cookie leaves it (the tablet keeps no one's password or session).
  POST: {
    permission: "stations:manage",
    handler: async ({ req, res, query, body, user }) => {
      emptyInput.parse(body ?? {});
      const { id } = stationIdParam.parse(query);
      const ua = req.headers["user-agent"];
      const { result, events } = await openStation(id, user, { previousToken: stationTokenOf(req), userAgent: typeof ua === "string" ? ua : undefined, ip: clientIp(req) });
      setStationCookie(req, res, result.token);
      clearSessionCookie(req, res);
      return reply({ station: result.station }, { events });
    },
  },
});
