import { apiRoute } from "@/lib/http/api";
import { exportReport } from "@/lib/reports/export/service";

export const config = { api: { bodyParser: false } };

// Streams the file into the response itself (the wrapper sends nothing once headers are out).
export default apiRoute({
  GET: { permission: "reports:read", handler: async ({ query, user, res }) => exportReport(query, user, res) },
});
