// Webhook use cases for /api/webhooks (ADMIN, `webhooks:manage`): list, read, create, change, delete,
// a new secret. The secret is answered only by create and by a new secret ("shown once"); lists and
// reads show its last four characters. Switching a webhook on again clears its failure streak and
// resumes its pending deliveries with a fresh retry window.
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { prisma } from "../db/client";
import type { Prisma, Webhook } from "../db/generated/client";
import { withTx } from "../db/tx";
import { notFound } from "../errors";
import { pageArgs, type Page } from "../validation/paging";
import { scheduleHeads } from "./enqueue";
import type { CreateWebhookInput, ListWebhooksQuery, RotateSecretInput, UpdateWebhookInput } from "./schemas";
import { newSecret } from "./signature";

/** A webhook as lists and reads show it: no secret, its last four characters instead, and its queue. */
export interface WebhookView extends Omit<Webhook, "secret" | "events"> {
  events: string[];
  secretHint: string;
  pending: number;
  failed: number;
}

/** A webhook with its secret: the answer of create and of a new secret, and only those. */
export interface WebhookWithSecret extends WebhookView {
  secret: string;
}

async function view(w: Webhook): Promise<WebhookView> {
  const counts = await prisma().webhookDelivery.groupBy({ by: ["status"], where: { webhookId: w.id, status: { in: ["PENDING", "FAILED"] } }, _count: { _all: true } });
  const n = (s: string) => counts.find((c) => c.status === s)?._count._all ?? 0;
  const { secret, events, ...rest } = w;
  return { ...rest, events: events as string[], secretHint: `…${secret.slice(-4)}`, pending: n("PENDING"), failed: n("FAILED") };
}

/** Every webhook, newest first. */
export async function listWebhooks(q: ListWebhooksQuery): Promise<Page<WebhookView>> {
  const [rows, total] = await Promise.all([prisma().webhook.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageArgs(q) }), prisma().webhook.count()]);
  const items: WebhookView[] = [];
  for (const w of rows) items.push(await view(w));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One webhook (404 when there is none). */
export async function getWebhook(id: string): Promise<WebhookView> {
  const w = await prisma().webhook.findUnique({ where: { id } });
  if (!w) throw notFound("Webhook");
  return view(w);
}

/** Subscribes a URL; the answer carries the secret (given, or generated), the only time it is shown. */
export async function createWebhook(input: CreateWebhookInput, actor: Actor): Promise<WebhookWithSecret> {
  const w = await withTx(async (tx) => {
    const row = await tx.webhook.create({
      data: { url: input.url, events: input.events, description: input.description ?? "", secret: input.secret ?? newSecret(), active: input.active ?? true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "webhook.create", entityType: "Webhook", entityId: row.id, payload: { url: row.url, events: input.events, active: row.active, secretGiven: !!input.secret } });
    return row;
  });
  return { ...(await view(w)), secret: w.secret };
}

/** Changes URL, events, description or active; on again: the failure streak is cleared and pending deliveries resume. */
export async function updateWebhook(id: string, input: UpdateWebhookInput, actor: Actor): Promise<WebhookView> {
  const { w, resumed } = await withTx(async (tx) => {
    const before = await tx.webhook.findUnique({ where: { id } });
    if (!before) throw notFound("Webhook");
    const turnedOn = input.active === true && !before.active;
    const data: Prisma.WebhookUpdateInput = { ...input, ...(input.active === false && before.active ? { disabledAt: null } : {}), ...(turnedOn ? { disabledAt: null, failingSince: null } : {}) };
    const row = await tx.webhook.update({ where: { id }, data });
    if (turnedOn) await tx.webhookDelivery.updateMany({ where: { webhookId: id, status: "PENDING" }, data: { firstAttemptAt: null, nextAttemptAt: new Date(), lockedUntil: null } });
    const changes: Record<string, { from: Prisma.InputJsonValue; to: Prisma.InputJsonValue }> = {};
    for (const k of ["url", "description", "active", "events"] as const) {
      if (input[k] !== undefined && JSON.stringify(input[k]) !== JSON.stringify(before[k])) changes[k] = { from: before[k] as Prisma.InputJsonValue, to: input[k] as Prisma.InputJsonValue };
    }
    await writeAudit(tx, { actorId: actor.id, action: "webhook.update", entityType: "Webhook", entityId: id, payload: { url: row.url, ...changes } });
    return { w: row, resumed: turnedOn };
  });
  if (resumed) {
    const pending = await prisma().webhookDelivery.findMany({ where: { webhookId: id, status: "PENDING" }, select: { id: true } });
    await scheduleHeads(pending.map((p) => p.id), { fresh: true });
  }
  return view(w);
}

/** Deletes a webhook and its delivery log (its queued jobs find nothing and end). */
export async function deleteWebhook(id: string, actor: Actor): Promise<{ id: string }> {
  return withTx(async (tx) => {
    const w = await tx.webhook.findUnique({ where: { id }, select: { url: true } });
    if (!w) throw notFound("Webhook");
    await tx.webhook.delete({ where: { id } });
    await writeAudit(tx, { actorId: actor.id, action: "webhook.delete", entityType: "Webhook", entityId: id, payload: { url: w.url } });
    return { id };
  });
}

/** Replaces the secret (given, or generated); the answer carries it, the only time it is shown. */
export async function rotateWebhookSecret(id: string, input: RotateSecretInput, actor: Actor): Promise<WebhookWithSecret> {
  const w = await withTx(async (tx) => {
    if (!(await tx.webhook.findUnique({ where: { id }, select: { id: true } }))) throw notFound("Webhook");
    const row = await tx.webhook.update({ where: { id }, data: { secret: input.secret ?? newSecret() } });
    await writeAudit(tx, { actorId: actor.id, action: "webhook.secret", entityType: "Webhook", entityId: id, payload: { url: row.url, secretGiven: !!input.secret } });
    return row;
  });
  return { ...(await view(w)), secret: w.secret };
}
