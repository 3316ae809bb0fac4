import { healthCheck } from "@/lib/db/health";
import { apiRoute, reply } from "@/lib/http/api";
import { RETRY_AFTER_SECONDS } from "@/lib/http/errors";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: {
    permission: "public",
    handler: async () => {
      const h = await healthCheck();
      if (h.status === "ok") return h;
      return reply(h, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
    },
  },
});
