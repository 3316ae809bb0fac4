// /api/webhooks: ADMIN only (webhooks:manage). Each call gets a webhook of its own (switched off, so
// nothing is sent, except where a redelivery needs it on); the URL is a closed local port.
import type { Db } from "@/lib/db/client";
import type { Fixtures, MatrixEntry } from "./types";

const URL = "http://127.0.0.1:9/matrix";

async function hook(prisma: Db, fx: Fixtures, active = false) {
  return prisma.webhook.create({ data: { url: `${URL}/${fx.unique}`, events: ["mo:updated"], secret: "whsec_matrix-secret-0123456789", active } });
}

export const entries: MatrixEntry[] = [
  { route: "/api/webhooks", method: "GET", path: () => "/api/webhooks", allowed: ["ADMIN"] },
  { route: "/api/webhooks", method: "POST", path: () => "/api/webhooks", body: (fx) => ({ url: `${URL}/${fx.unique}`, events: ["mo:created"], active: false }), allowed: ["ADMIN"] },
  { route: "/api/webhooks/[id]", method: "GET", setup: async (p, fx) => ({ id: (await hook(p, fx)).id }), path: (fx) => `/api/webhooks/${fx.extra.id}`, allowed: ["ADMIN"] },
  {
    route: "/api/webhooks/[id]",
    method: "PATCH",
    setup: async (p, fx) => ({ id: (await hook(p, fx)).id }),
    path: (fx) => `/api/webhooks/${fx.extra.id}`,
    body: (fx) => ({ description: `matrix ${fx.unique}` }),
    allowed: ["ADMIN"],
  },
  { route: "/api/webhooks/[id]", method: "DELETE", setup: async (p, fx) => ({ id: (await hook(p, fx)).id }), path: (fx) => `/api/webhooks/${fx.extra.id}`, allowed: ["ADMIN"] },
  { route: "/api/webhooks/[id]/secret", method: "POST", setup: async (p, fx) => ({ id: (await hook(p, fx)).id }), path: (fx) => `/api/webhooks/${fx.extra.id}/secret`, body: () => ({}), allowed: ["ADMIN"] },
  {
    route: "/api/webhooks/[id]/deliveries",
    method: "GET",
    setup: async (p, fx) => ({ id: (await hook(p, fx)).id }),
    path: (fx) => `/api/webhooks/${fx.extra.id}/deliveries`,
    allowed: ["ADMIN"],
  },
  {
    route: "/api/webhooks/[id]/deliveries/[deliveryId]/redeliver",
    method: "POST",
    setup: async (p, fx) => {
      const w = await hook(p, fx, true);
      const body = JSON.stringify({ id: fx.unique, event: "mo:updated", occurredAt: new Date().toISOString(), data: { id: fx.mo } });
      const d = await p.webhookDelivery.create({ data: { webhookId: w.id, eventId: fx.unique, event: "mo:updated", entityKey: `mo:${fx.mo}`, body, status: "DELIVERED", attempts: 1, deliveredAt: new Date() } });
      return { id: w.id, delivery: d.id.toString() };
    },
    path: (fx) => `/api/webhooks/${fx.extra.id}/deliveries/${fx.extra.delivery}/redeliver`,
    body: () => ({}),
    allowed: ["ADMIN"],
  },
];
