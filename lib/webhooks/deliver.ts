// One attempt at one delivery (a pg-boss job, lib/webhooks/queue.ts) and the sweep. An attempt first
// claims the delivery in one statement: still pending, due, not held by another sender, its webhook
// active, and first pending in its line (same webhook and entity), so deliveries of one entity go out
// in order and one at a time, and duplicate jobs do nothing. Then it POSTs the signed body, logs the
// attempt, and either marks it delivered (and queues the next of its line), schedules the next try
// (exponential backoff with jitter, WEBHOOK_RETRY_*), or, after WEBHOOK_RETRY_WINDOW_MS (a day) of
// failures, gives it up; a webhook that has not had one success for that long is switched off and the
// admins are notified.
import { writeAudit } from "../audit/write";
import { prisma } from "../db/client";
import { withTx } from "../db/tx";
import { env } from "../env";
import { notifyRoles } from "../notifications/create";
import { publish, type DomainEvent } from "../realtime/events";
import { scheduleHeads } from "./enqueue";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";
import { webhookRuntime } from "./queue";

/** How much of a receiver's answer the log keeps. */
const RESPONSE_KEPT = 500;

interface Claimed {
  id: bigint;
  webhookId: string;
  entityKey: string;
  eventId: string;
  event: string;
  body: string;
  attempts: number;
  firstAttemptAt: Date;
  url: string;
  secret: string;
}

/** The delay before attempt `attempts + 1`: base × 2^(attempts−1), at most the maximum, ±25 % jitter. */
export function backoffMs(attempts: number, base = env().WEBHOOK_RETRY_BASE_MS, max = env().WEBHOOK_RETRY_MAX_MS, random = Math.random()): number {
  const d = Math.min(max, base * 2 ** Math.min(30, Math.max(0, attempts - 1)));
  return Math.round(d * (0.75 + random * 0.5));
}

async function claim(id: bigint): Promise<Claimed | undefined> {
  // Times come from this process's clock, as every other timestamp the app writes (not the session's now()).
  const now = new Date();
  const holdUntil = new Date(now.getTime() + env().WEBHOOK_TIMEOUT_MS * 2 + 5_000);
  const rows = await prisma().$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" d SET
      "attempts" = d."attempts" + 1,
      "firstAttemptAt" = COALESCE(d."firstAttemptAt", ${now}),
      "lockedUntil" = ${holdUntil}
    FROM "Webhook" w
    WHERE d."id" = ${id} AND w."id" = d."webhookId" AND w."active" AND d."status" = 'PENDING'
      AND d."nextAttemptAt" <= ${new Date(now.getTime() + 50)}
      AND (d."lockedUntil" IS NULL OR d."lockedUntil" < ${now})
      AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" e WHERE e."webhookId" = d."webhookId" AND e."entityKey" = d."entityKey" AND e."status" = 'PENDING' AND e."id" < d."id")
    RETURNING d."id", d."webhookId", d."entityKey", d."eventId", d."event", d."body", d."attempts", d."firstAttemptAt", w."url", w."secret"`;
  return rows[0];
}

interface Result {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
}

/** Reads at most RESPONSE_KEPT characters of the answer, then lets the rest go. */
async function readSome(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < RESPONSE_KEPT) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, RESPONSE_KEPT);
}

async function post(d: Claimed): Promise<Result> {
  const started = performance.now();
  const done = (r: Omit<Result, "durationMs">): Result => ({ ...r, durationMs: Math.round(performance.now() - started) });
  try {
    const res = await fetch(d.url, {
      method: "POST",
      body: d.body,
      redirect: "manual",
      signal: AbortSignal.timeout(env().WEBHOOK_TIMEOUT_MS),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "MES-Webhooks/1",
        [SIGNATURE_HEADER]: signatureHeader(d.secret, d.body),
        "X-MES-Event": d.event,
        "X-MES-Event-Id": d.eventId,
        "X-MES-Delivery": d.id.toString(),
        "X-MES-Attempt": String(d.attempts),
      },
    });
    const responseBody = await readSome(res).catch(() => null);
    const ok = res.status >= 200 && res.status < 300;
    return done({ ok, statusCode: res.status, error: ok ? null : `HTTP ${res.status}${res.status >= 300 && res.status < 400 ? " (redirects are not followed)" : ""}`, responseBody });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const timedOut = e.name === "TimeoutError" || e.name === "AbortError";
    const error = timedOut ? `no answer within ${env().WEBHOOK_TIMEOUT_MS} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    return done({ ok: false, statusCode: null, error: String(error).slice(0, 500), responseBody: null });
  }
}

/** One attempt at a delivery (the job's work); does nothing when the delivery is not due, not first in line or held. */
export async function runDelivery(id: bigint): Promise<void> {
  const d = await claim(id);
  if (!d) return;
  const started = new Date();
  const r = await post(d);
  const e = env();
  const now = Date.now();
  const giveUp = !r.ok && now - d.firstAttemptAt.getTime() >= e.WEBHOOK_RETRY_WINDOW_MS;
  const next = r.ok || giveUp ? null : new Date(now + backoffMs(d.attempts));
  const events = await withTx(async (tx): Promise<DomainEvent[]> => {
    await tx.webhookAttempt.create({
      data: { deliveryId: d.id, attempt: d.attempts, startedAt: started, ok: r.ok, statusCode: r.statusCode, durationMs: r.durationMs, error: r.error, responseBody: r.responseBody },
    });
    await tx.webhookDelivery.update({
      where: { id: d.id },
      data: {
        status: r.ok ? "DELIVERED" : giveUp ? "FAILED" : "PENDING",
        deliveredAt: r.ok ? new Date(now) : undefined,
        nextAttemptAt: next ?? undefined,
        lockedUntil: null,
        lastStatusCode: r.statusCode,
        lastError: r.error,
        lastDurationMs: r.durationMs,
      },
    });
    if (r.ok) {
      await tx.webhook.update({ where: { id: d.webhookId }, data: { failingSince: null, lastSuccessAt: new Date(now) } });
      return [];
    }
    // The first failed attempt since the last success (of any delivery): the webhook's failing streak.
    await tx.$executeRaw`UPDATE "Webhook" SET "failingSince" = COALESCE("failingSince", ${started}) WHERE "id" = ${d.webhookId}`;
    const w = await tx.webhook.findUniqueOrThrow({ where: { id: d.webhookId }, select: { active: true, url: true, failingSince: true } });
    // Switched off when a delivery is given up and nothing at all went through during its window.
    if (!giveUp || !w.active || !w.failingSince || now - w.failingSince.getTime() < e.WEBHOOK_RETRY_WINDOW_MS) return [];
    await tx.webhook.update({ where: { id: d.webhookId }, data: { active: false, disabledAt: new Date(now) } });
    await writeAudit(tx, { actorId: null, action: "webhook.disable", entityType: "Webhook", entityId: d.webhookId, payload: { url: w.url, reason: "failing", failingSince: w.failingSince.toISOString(), lastError: r.error } });
    return notifyRoles(tx, ["ADMIN"], { type: "webhook.disabled", key: "webhook.disabled", params: { url: w.url, error: r.error ?? "" }, link: "/admin/webhooks" });
  });
  await publish(events);
  if (next) await webhookRuntime()?.schedule([d.id], next);
  else await scheduleNextInLine(d);
}

/** The delivery after this one in its line (same webhook and entity) may go now. */
async function scheduleNextInLine(d: Pick<Claimed, "webhookId" | "entityKey">): Promise<void> {
  const n = await prisma().webhookDelivery.findFirst({ where: { webhookId: d.webhookId, entityKey: d.entityKey, status: "PENDING" }, orderBy: { id: "asc" }, select: { id: true } });
  if (n) await scheduleHeads([n.id]);
}

/** Deliveries kept in the log this long after they ended (delivered or given up). */
const KEEP_DAYS = 30;

/**
 * Finds the first pending delivery of every line of every active webhook that is due (a lost job: a
 * crash between recording and queueing, or a stop mid-attempt) and queues it; prunes old ended ones.
 * Duplicates of a queued job are dropped by the queue, and a running one refuses a second claim.
 */
export async function sweep(): Promise<void> {
  const due = await prisma().$queryRaw<{ id: bigint }[]>`
    SELECT DISTINCT ON (d."webhookId", d."entityKey") d."id"
    FROM "WebhookDelivery" d JOIN "Webhook" w ON w."id" = d."webhookId" AND w."active"
    WHERE d."status" = 'PENDING'
    ORDER BY d."webhookId", d."entityKey", d."id"
    LIMIT 1000`;
  const ready = await prisma().webhookDelivery.findMany({
    where: { id: { in: due.map((r) => r.id) }, nextAttemptAt: { lte: new Date() }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }] },
    select: { id: true },
  });
  await webhookRuntime()?.schedule(ready.map((r) => r.id));
  await prisma().webhookDelivery.deleteMany({ where: { status: { not: "PENDING" }, createdAt: { lt: new Date(Date.now() - KEEP_DAYS * 86_400_000) } } });
}
