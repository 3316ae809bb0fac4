import { clientIp } from "@/lib/auth/login";
import { apiRoute, reply } from "@/lib/http/api";
import { HttpError } from "@/lib/http/errors";
import { operatorOn, requireStation } from "@/lib/http/routes/station";
import { setOperatorCookie } from "@/lib/stations/cookies";
import { identifyOperator } from "@/lib/stations/identify";
import { identifyInput } from "@/lib/stations/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // { operatorId, pin } or { badge }: the operator is signed in on this station until idle or released.
  POST: {
    permission: "public",
    handler: async ({ req, res, user, body }) => {
      const device = await requireStation(req, user);
      const input = identifyInput.parse(body);
      const ua = req.headers["user-agent"];
      const r = await identifyOperator(device, input, { previousSessionId: operatorOn(device, user)?.sessionId, userAgent: typeof ua === "string" ? ua : undefined, ip: clientIp(req) });
      if (r.kind === "throttled") {
        throw new HttpError(429, "RATE_LIMITED", `Too many wrong tries. Try again in ${Math.ceil(r.retryAfter / 60)} minute(s).`, { retryAfterSeconds: r.retryAfter }, { "Retry-After": String(r.retryAfter) });
      }
      if (r.kind === "wrong") throw new HttpError(401, "UNAUTHENTICATED", "pin" in input ? "That PIN is not right." : "That badge is not known.", { reason: "pin" in input ? "wrong-pin" : "unknown-badge" });
      await setOperatorCookie(req, res, r.operator, r.sessionId);
      return reply({ operator: { id: r.operator.id, name: r.operator.name, role: r.operator.role }, expiresAt: r.expiresAt }, { events: r.events });
    },
  },
});
