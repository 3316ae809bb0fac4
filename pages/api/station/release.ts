import { apiRoute, reply } from "@/lib/http/api";
import { operatorOn, requireStation } from "@/lib/http/routes/station";
import { clearSessionCookie } from "@/lib/stations/cookies";
import { releaseOperator } from "@/lib/stations/identify";
import { emptyInput } from "@/lib/stations/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // "Sign me out" / "Switch operator": the operator leaves, the station stays.
  POST: {
    permission: "public",
    handler: async ({ req, res, user, body }) => {
      const device = await requireStation(req, user);
      emptyInput.parse(body ?? {});
      const op = operatorOn(device, user);
      const events = op ? await releaseOperator(device, op) : [];
      if (op) clearSessionCookie(req, res);
      return reply({ operator: null }, { events });
    },
  },
});
