import { apiRoute } from "@/lib/http/api";
import { scanLabel } from "@/lib/scan/labels";
import { scanLabelQuery } from "@/lib/scan/schemas";

export const config = { api: { bodyParser: false } };

// What a scanned lot or location label shows in the shop floor's scan boxes (docs/scanning.md): the
// narrow read an operator may make without stock:read.
export default apiRoute({
  GET: { permission: "wo:execute", handler: async ({ query }) => scanLabel(scanLabelQuery.parse(query)) },
});
