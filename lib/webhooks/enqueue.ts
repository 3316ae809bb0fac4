// Where webhook deliveries come from: the outbox (lib/outbox/relay.ts, docs/events.md). Recording is a
// shared consumer of the outbox: one instance at a time, under an advisory lock, reads the events after
// the "webhooks" cursor and records them in the transaction that advances it, so each event is
// recorded once across all instances, also when an instance dies between a commit and the recording.
// Each event matching an active webhook becomes one delivery row per webhook (the signed body:
// `{ id, event, occurredAt, data }`, `id` being the outbox row's eventId, which sockets see too), and
// the first pending delivery of each webhook and entity gets a job (lib/webhooks/queue.ts) after the commit.
import { prisma, type Tx } from "../db/client";
import type { SharedConsumer } from "../outbox/relay";
import type { DomainEvent } from "../realtime/events";
import { WEBHOOK_EVENTS } from "./schemas";
import { webhookRuntime } from "./queue";

/** Deliveries of one webhook with the same key go out one at a time, in the order they were recorded. */
export function entityKeyOf(event: DomainEvent): string {
  const id = typeof event.payload.id === "string" ? event.payload.id : undefined;
  if (event.name.startsWith("mo:")) return `mo:${id ?? ""}`;
  if (event.name.startsWith("wo:")) return `wo:${id ?? ""}`;
  if (event.name === "notification:new") return `notification:${id ?? ""}`;
  return event.name.split(":")[0]!; // stock:changed names several products: one line for all stock events
}

/** The JSON text a delivery sends. */
export function webhookBody(eventId: string, event: DomainEvent, occurredAt: Date): string {
  return JSON.stringify({ id: eventId, event: event.name, occurredAt: occurredAt.toISOString(), data: event.payload });
}

/** The outbox consumer: records the events a webhook may get; their jobs are queued after the commit. */
export const recordOutboxEvents: SharedConsumer = async (tx, events) => {
  if (!webhookRuntime()) return;
  const wanted = events.filter((e) => (WEBHOOK_EVENTS as readonly string[]).includes(e.name));
  if (!wanted.length) return;
  const items = wanted.map((e, ord) => ({ ord, eventId: e.eventId, event: e.name, entityKey: entityKeyOf(e), body: webhookBody(e.eventId, e, e.createdAt) }));
  const ids = await insertDeliveries(tx, items);
  return ids.length ? () => scheduleHeads(ids) : undefined;
};

interface Item {
  ord: number;
  eventId: string;
  event: string;
  entityKey: string;
  body: string;
}

/**
 * One delivery per (event, active webhook subscribed to it), in the recording transaction. The advisory
 * lock serialises recordings (and redeliveries), so delivery ids commit in id order and "first pending
 * in its line" is never decided before an earlier row is visible.
 */
export async function insertDeliveries(tx: Tx, items: Item[]): Promise<bigint[]> {
  const now = new Date();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mes:webhook-deliveries'))`;
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "WebhookDelivery" ("webhookId", "eventId", "event", "entityKey", "body", "nextAttemptAt", "createdAt")
    SELECT w."id", ev."eventId", ev."event", ev."entityKey", ev."body", ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS ev("ord" int, "eventId" text, "event" text, "entityKey" text, "body" text)
    JOIN "Webhook" w ON w."active" AND w."events" ? ev."event"
    ORDER BY ev."ord", w."id"
    RETURNING "id"`;
  return rows.map((r) => r.id);
}

/** Queues a job for each of these deliveries that is the first pending one of its webhook and entity. */
export async function scheduleHeads(ids: bigint[], opts: { fresh?: boolean } = {}): Promise<void> {
  const runtime = webhookRuntime();
  if (!runtime || !ids.length) return;
  const heads = await prisma().$queryRaw<{ id: bigint; nextAttemptAt: Date }[]>`
    SELECT d."id", d."nextAttemptAt" FROM "WebhookDelivery" d
    WHERE d."id" = ANY(string_to_array(${ids.join(",")}, ',')::bigint[]) AND d."status" = 'PENDING'
      AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" e WHERE e."webhookId" = d."webhookId" AND e."entityKey" = d."entityKey" AND e."status" = 'PENDING' AND e."id" < d."id")`;
  const now = heads.filter((h) => h.nextAttemptAt.getTime() <= Date.now()).map((h) => h.id);
  await runtime.schedule(now, undefined, opts);
  for (const h of heads.filter((x) => x.nextAttemptAt.getTime() > Date.now())) await runtime.schedule([h.id], h.nextAttemptAt, opts);
}
