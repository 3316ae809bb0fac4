import { prisma } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api";
import { previewAvailability } from "@/lib/manufacturing/availability";
import { availabilityPreviewQuery } from "@/lib/manufacturing/schemas";
import { manufacturableProduct } from "@/lib/manufacturing/snapshot";

export const config = { api: { bodyParser: false } };

// The creation preview: a draft order's components ranked as if it were created now (static route:
// Next prefers it to /api/mos/[id]). For who may create orders.
export default apiRoute({
  GET: {
    permission: "mo:write",
    handler: async ({ query }) => {
      const q = availabilityPreviewQuery.parse(query);
      const db = prisma();
      await manufacturableProduct(db, q.productId);
      return previewAvailability(db, { productId: q.productId, quantity: q.quantity, priority: q.priority, deadline: q.deadline ?? null });
    },
  },
});
