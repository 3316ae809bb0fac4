import { healthCheck } from "@/lib/db/health";
import { apiRoute, reply } from "@/lib/http/api";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: {
    permission: "public",
    handler: async () => {
      const h = await healthCheck();
      return reply(h, { status: h.status === "ok" ? 200 : 503 });
    },
  },
});
