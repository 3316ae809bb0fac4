// Idempotency-Key on POST (docs/decisions/0005-idempotency-storage.md): the first answer is kept 24 h per (user, key) and a repeat
// gets it back unchanged, without running anything. One row per (user, key) is both the lock and
// the stored answer:
//   claim   INSERT … ON CONFLICT DO NOTHING: whoever inserts runs the request ("owner");
//   commit  the handler's own transactions set committedAt (lib/db/tx.ts withCommitGuard), so once
//           the effects are committed the request is never run again, even if the process dies
//           before the answer is stored (a repeat then gets 409 "carried out, answer lost");
//   finish  status + body + headers stored; 5xx and 429 are not stored (a retry may succeed) and
//           release the claim if nothing was committed.
// A repeat while the owner runs polls for up to WAIT_MS, then answers 409 IN_PROGRESS. An owner that
// died (lease over, or an owner of this very process that no longer runs) is taken over if it
// committed nothing.
import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { prisma, type Tx } from "../db/client";
import { HttpError, badRequest } from "./errors";

export const IDEMPOTENCY_HEADER = "idempotency-key";
/** Set on an answer replayed from the store. */
export const REPLAYED_HEADER = "Idempotent-Replayed";
export const MAX_KEY_LENGTH = 200;
/** How long a claim stays its owner's without a heartbeat (longer than any transaction's 30 s timeout; the SQL says 60 seconds). */
const LEASE_MS = 60_000;
const WAIT_MS = 10_000;

/** This process; an owner is `<process>:<n>`, so a claim left by a request of this process that no longer runs is known dead at once. */
const PROCESS_ID = randomUUID();
let counter = 0;
const running = new Set<string>();

/** A stored answer: status, the JSON text of the body exactly as sent (null for 204), headers. */
export interface StoredResponse {
  status: number;
  body: string | null;
  headers: Record<string, string>;
}

/** The Idempotency-Key of a request, undefined when absent; 400 when empty or longer than 200 characters. */
export function idempotencyKeyOf(req: IncomingMessage): string | undefined {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw.join(", ") : raw;
  if (key.length < 1 || key.length > MAX_KEY_LENGTH) {
    throw badRequest(`The Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} characters long.`, [{ path: "Idempotency-Key", message: `must be 1 to ${MAX_KEY_LENGTH} characters` }]);
  }
  return key;
}

/** The fingerprint of a request: the same key with another method, path (with query) or body is a mismatch. */
export function requestHash(method: string, url: string, raw: Buffer | undefined): string {
  return createHash("sha256").update(method).update("\n").update(url).update("\n").update(raw ?? Buffer.alloc(0)).digest("hex");
}

/** Whether an answer with this status is kept: yes for 2xx–4xx (the same request would get the same answer), except 429 and 5xx, which are about the moment. */
export function isStorable(status: number): boolean {
  return status < 500 && status !== 429;
}

interface Row {
  requestHash: string;
  owner: string;
  leaseLive: boolean;
  committed: boolean;
  status: number | null;
  body: string | null;
  headers: Record<string, string> | null;
}

/** The request's claim on its key, while it runs. */
export interface IdempotentRun {
  kind: "run";
  /** Runs inside each of the handler's transactions before it commits: marks the request as carried out. */
  guard: (tx: Tx) => Promise<void>;
  /** Stores the answer (or releases the claim for 5xx/429); never throws. */
  finish(res: StoredResponse | undefined): Promise<void>;
}

export type Claim = IdempotentRun | { kind: "replay"; response: StoredResponse };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Whether the row's owner still runs. For an owner of this process, `runningBeforeRead` is the set of
 * running owners taken BEFORE the row was read: an owner stores its answer and only then leaves
 * `running`, so an owner already gone before the read has its answer in the row we read; one that left
 * after the read may have stored its answer since, and counts as alive (the next poll sees it).
 * Judged after the read instead, a waiter could see "no answer, owner gone" and answer 409.
 */
function isAlive(row: Row, runningBeforeRead: ReadonlySet<string>): boolean {
  return row.owner.startsWith(PROCESS_ID + ":") ? runningBeforeRead.has(row.owner) : row.leaseLive;
}

/** Deletes keys older than 24 h; returns how many. */
export async function pruneIdempotencyKeys(): Promise<number> {
  return prisma().$executeRaw`DELETE FROM "IdempotencyKey" WHERE "createdAt" < CURRENT_TIMESTAMP - interval '24 hours'`;
}

/** Prunes now and then (about one claim in fifty), so the table stays small without a job; a failure only logs. */
async function maybePrune(): Promise<void> {
  if (Math.random() >= 0.02) return;
  await pruneIdempotencyKeys().catch((err: unknown) => console.warn("[idempotency] prune failed", err instanceof Error ? err.message : err));
}

/** Starts the run of an owner already listed in `running` (listed before its claim was written). */
function startRun(userId: string, key: string, owner: string): IdempotentRun {
  const heartbeat = setInterval(() => {
    void prisma()
      .$executeRaw`UPDATE "IdempotencyKey" SET "leaseUntil" = CURRENT_TIMESTAMP + interval '60 seconds' WHERE "userId" = ${userId} AND "key" = ${key} AND "owner" = ${owner}`
      .catch(() => undefined);
  }, LEASE_MS / 3);
  heartbeat.unref();
  return {
    kind: "run",
    async guard(tx) {
      const n = await tx.$executeRaw`UPDATE "IdempotencyKey" SET "committedAt" = COALESCE("committedAt", CURRENT_TIMESTAMP) WHERE "userId" = ${userId} AND "key" = ${key} AND "owner" = ${owner}`;
      // Another attempt took the claim over (our lease ran out): roll our effects back rather than run twice.
      if (n !== 1) throw new HttpError(409, "IN_PROGRESS", "This request is being handled by another attempt. Try again in a moment.");
    },
    async finish(res) {
      clearInterval(heartbeat);
      try {
        if (res && isStorable(res.status)) {
          await prisma().$executeRaw`UPDATE "IdempotencyKey" SET "status" = ${res.status}, "body" = ${res.body}, "headers" = ${JSON.stringify(res.headers)}::jsonb WHERE "userId" = ${userId} AND "key" = ${key} AND "owner" = ${owner}`;
        } else {
          // Not kept: a retry may run it again — unless its effects were committed already.
          await prisma().$executeRaw`DELETE FROM "IdempotencyKey" WHERE "userId" = ${userId} AND "key" = ${key} AND "owner" = ${owner} AND "committedAt" IS NULL`;
          await prisma().$executeRaw`UPDATE "IdempotencyKey" SET "leaseUntil" = CURRENT_TIMESTAMP WHERE "userId" = ${userId} AND "key" = ${key} AND "owner" = ${owner}`;
        }
      } catch (err) {
        // The database went away: the claim stays; once no one runs it, a retry takes it over (or sees it committed).
        console.warn("[idempotency] could not store the answer", err instanceof Error ? err.message : err);
      } finally {
        running.delete(owner);
      }
    },
  };
}

/**
 * Claims (user, key) for a request with this hash: run it, replay the stored answer, 422 on a
 * different request with the same key, or 409 IN_PROGRESS when another attempt still runs after WAIT_MS.
 */
export async function claimIdempotencyKey(userId: string, key: string, hash: string, waitMs = WAIT_MS): Promise<Claim> {
  await maybePrune();
  const owner = `${PROCESS_ID}:${++counter}`;
  // Listed as running BEFORE its claim can be written: a waiter of this process that reads a row with
  // this owner must find it alive. Listed only after the INSERT returned, there was a gap (the row
  // committed, the promise not yet resolved) in which another attempt judged it dead and took the
  // claim over, and the first attempt's commit guard then answered 409 (CI, 6 parallel retries).
  running.add(owner);
  let started = false;
  try {
    const claim = await claimAs(userId, key, hash, owner, waitMs);
    started = claim.kind === "run";
    return claim;
  } finally {
    if (!started) running.delete(owner);
  }
}

async function claimAs(userId: string, key: string, hash: string, owner: string, waitMs: number): Promise<Claim> {
  const deadline = Date.now() + waitMs;
  for (let poll = 0; ; poll++) {
    // A row older than 24 h counts as absent: it is replaced in the same statement.
    const inserted = await prisma().$queryRaw<{ owner: string }[]>`
      INSERT INTO "IdempotencyKey" ("userId", "key", "requestHash", "owner", "leaseUntil")
      VALUES (${userId}, ${key}, ${hash}, ${owner}, CURRENT_TIMESTAMP + interval '60 seconds')
      ON CONFLICT ("userId", "key") DO UPDATE SET
        "requestHash" = EXCLUDED."requestHash", "owner" = EXCLUDED."owner", "leaseUntil" = EXCLUDED."leaseUntil",
        "committedAt" = NULL, "status" = NULL, "body" = NULL, "headers" = NULL, "createdAt" = CURRENT_TIMESTAMP
        WHERE "IdempotencyKey"."createdAt" < CURRENT_TIMESTAMP - interval '24 hours'
      RETURNING "owner"`;
    if (inserted.length === 1) return startRun(userId, key, owner);

    const runningBeforeRead = new Set(running);
    const [row] = await prisma().$queryRaw<Row[]>`
      SELECT "requestHash", "owner", "leaseUntil" > CURRENT_TIMESTAMP AS "leaseLive", "committedAt" IS NOT NULL AS "committed", "status", "body", "headers"
      FROM "IdempotencyKey" WHERE "userId" = ${userId} AND "key" = ${key}`;
    if (!row) continue; // released between the two statements: claim again
    if (row.requestHash !== hash) {
      throw new HttpError(422, "IDEMPOTENCY_MISMATCH", "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
    }
    if (row.status !== null) return { kind: "replay", response: { status: row.status, body: row.body, headers: row.headers ?? {} } };
    if (!isAlive(row, runningBeforeRead)) {
      if (row.committed) {
        throw new HttpError(409, "CONFLICT", "This request was already carried out, but its answer was lost. Reload to see the result.");
      }
      const taken = await prisma().$queryRaw<{ owner: string }[]>`
        UPDATE "IdempotencyKey" SET "owner" = ${owner}, "leaseUntil" = CURRENT_TIMESTAMP + interval '60 seconds'
        WHERE "userId" = ${userId} AND "key" = ${key} AND "owner" = ${row.owner} AND "committedAt" IS NULL AND "status" IS NULL
        RETURNING "owner"`;
      if (taken.length === 1) return startRun(userId, key, owner);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new HttpError(409, "IN_PROGRESS", "The same request is still being handled. Try again in a moment.", undefined, { "Retry-After": "1" });
    }
    await sleep(Math.min(25 * 2 ** Math.min(poll, 3), 200));
  }
}
