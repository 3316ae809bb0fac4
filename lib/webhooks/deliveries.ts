// The delivery log of a webhook (GET /api/webhooks/:id/deliveries) and a manual redelivery (POST
// /api/webhooks/:id/deliveries/:deliveryId/redeliver): a new delivery of the same body (same event
// `id`, so a receiver that has it already ignores it), at the end of its entity's line.
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { prisma } from "../db/client";
import type { WebhookAttempt, WebhookDelivery } from "../db/generated/client";
import { withTx } from "../db/tx";
import { conflict, notFound } from "../errors";
import { pageArgs, type Page } from "../validation/paging";
import { scheduleHeads } from "./enqueue";
import type { ListDeliveriesQuery } from "./schemas";

export type DeliveryView = Omit<WebhookDelivery, "body" | "lockedUntil"> & { data: unknown; attemptLog: WebhookAttempt[] };

const toView = (d: WebhookDelivery & { attemptLog: WebhookAttempt[] }): DeliveryView => {
  const { body, lockedUntil: _held, ...rest } = d;
  return { ...rest, data: (JSON.parse(body) as { data: unknown }).data };
};

/** A webhook's deliveries, newest first, each with its attempts (newest first, at most 20). */
export async function listDeliveries(q: ListDeliveriesQuery): Promise<Page<DeliveryView>> {
  if (!(await prisma().webhook.findUnique({ where: { id: q.id }, select: { id: true } }))) throw notFound("Webhook");
  const where = { webhookId: q.id, ...(q.status ? { status: q.status } : {}) };
  const [rows, total] = await Promise.all([
    prisma().webhookDelivery.findMany({ where, orderBy: { id: "desc" }, include: { attemptLog: { orderBy: { id: "desc" }, take: 20 } }, ...pageArgs(q) }),
    prisma().webhookDelivery.count({ where }),
  ]);
  return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
}

/** Sends a delivered or given-up delivery again, as a new delivery; 409 while it is still pending or the webhook is off. */
export async function redeliver(webhookId: string, deliveryId: bigint, actor: Actor): Promise<DeliveryView> {
  const created = await withTx(async (tx) => {
    const d = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId }, include: { webhook: { select: { active: true } } } });
    if (!d) throw notFound("Delivery");
    if (d.status === "PENDING") throw conflict("This delivery is still queued; it will be sent (again) by itself.");
    if (!d.webhook.active) throw conflict("The webhook is switched off: switch it on first.");
    // The same lock as recording events: ids commit in order, so the line's order holds.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mes:webhook-deliveries'))`;
    const copy = await tx.webhookDelivery.create({
      data: { webhookId, eventId: d.eventId, event: d.event, entityKey: d.entityKey, body: d.body, redeliveryOf: d.id, nextAttemptAt: new Date() },
      include: { attemptLog: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "webhook.redeliver", entityType: "Webhook", entityId: webhookId, payload: { delivery: d.id.toString(), copy: copy.id.toString(), eventId: d.eventId } });
    return copy;
  });
  await scheduleHeads([created.id]);
  return toView(created);
}
