// Inputs of /api/webhooks (lib/webhooks). Browser-safe: the admin screen's forms validate with them too.
import { z } from "zod";
import { CLIENT_EVENTS, type ClientEventName } from "../realtime/events";
import { pagingQuery } from "../validation/paging";
import { storableString, text } from "../validation/text";

/** The event names a webhook may subscribe to: the events the app publishes to screens. */
export const WEBHOOK_EVENTS: readonly ClientEventName[] = CLIENT_EVENTS;

const id = z.uuid("must be a valid id");

/** An absolute http(s) URL without a user name or password (they would be stored and shown). */
export const webhookUrl = storableString()
  .trim()
  .min(1, "is required")
  .max(2000, "must be at most 2000 characters")
  .superRefine((s, ctx) => {
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be an absolute http:// or https:// URL" });
      return;
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") ctx.addIssue({ code: "custom", message: "must be an http:// or https:// URL" });
    else if (!u.hostname) ctx.addIssue({ code: "custom", message: "must name a host" });
    else if (u.username || u.password) ctx.addIssue({ code: "custom", message: "must not contain a user name or password" });
  });

const eventList = z
  .array(z.enum(WEBHOOK_EVENTS as [ClientEventName, ...ClientEventName[]], { error: `must be one of ${WEBHOOK_EVENTS.join(", ")}` }), { error: "must be a list of event names" })
  .min(1, "must name at least one event")
  .max(WEBHOOK_EVENTS.length * 2, "has too many entries")
  .transform((v) => [...new Set(v)]);

/** A secret the admin chooses (else one is generated): 16–200 characters. */
const secret = storableString().min(16, "must be at least 16 characters").max(200, "must be at most 200 characters");

/** POST /api/webhooks. */
export const createWebhookInput = z
  .object({
    url: webhookUrl,
    events: eventList,
    description: text({ max: 200, min: 0 }).optional(),
    secret: secret.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

/** PATCH /api/webhooks/:id: switching it on again clears its failure state and resumes its queued deliveries. */
export const updateWebhookInput = z
  .object({
    url: webhookUrl.optional(),
    events: eventList.optional(),
    description: text({ max: 200, min: 0 }).optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;

/** POST /api/webhooks/:id/secret: a new secret (given, or generated), answered once. */
export const rotateSecretInput = z.object({ secret: secret.optional() }).strict();
export type RotateSecretInput = z.infer<typeof rotateSecretInput>;

export const webhookIdParam = z.object({ id });

export const listWebhooksQuery = pagingQuery.strict();
export type ListWebhooksQuery = z.infer<typeof listWebhooksQuery>;

export const DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;

/** GET /api/webhooks/:id/deliveries: newest first, optionally one status. */
export const listDeliveriesQuery = pagingQuery.extend({ id, status: z.enum(DELIVERY_STATUSES).optional() }).strict();
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuery>;

/** A delivery of a webhook: `/api/webhooks/:id/deliveries/:deliveryId`. */
export const deliveryParam = z.object({ id, deliveryId: z.string().regex(/^[1-9]\d{0,17}$/, "must be a delivery number").transform((s) => BigInt(s)) });

/** POST …/redeliver takes no fields (an empty object, or no body). */
export const redeliverInput = z.object({}).strict();
