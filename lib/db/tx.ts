import { AsyncLocalStorage } from "node:async_hooks";
import { prisma, type Tx } from "./client";

/** Work to do inside every transaction of the current request, just before it commits. */
export type CommitGuard = (tx: Tx) => Promise<void>;

const guards = new AsyncLocalStorage<CommitGuard>();

/**
 * Runs `fn` so that every withTx inside it also runs `guard` in the same transaction, after the use
 * case and before the commit. The API layer uses it to mark an idempotent request as carried out
 * atomically with its effects, so a crash between the commit and storing the answer never runs it twice.
 */
export function withCommitGuard<T>(guard: CommitGuard, fn: () => Promise<T>): Promise<T> {
  return guards.run(guard, fn);
}

/** Serialization failures and deadlocks: safe to retry the whole transaction. */
export function isRetryableTxError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 5) return false;
  const e = err as { code?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown; meta?: unknown };
  if (e.code === "P2034" || e.code === "40001" || e.code === "40P01") return true;
  if (e.kind === "TransactionWriteConflict") return true;
  if (e.originalCode === "40001" || e.originalCode === "40P01") return true;
  return isRetryableTxError(e.cause, depth + 1) || isRetryableTxError(e.meta, depth + 1) ||
    isRetryableTxError((e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError, depth + 1);
}

export interface TxOptions {
  /** How long the transaction may run, lock waits included (Prisma's default of 5 s is too short under load). */
  timeout?: number;
  /** How long to wait for a pooled connection. */
  maxWait?: number;
  attempts?: number;
}

/**
 * Runs one use case in one interactive transaction, retrying on deadlock / serialization failure
 * with jittered backoff, so such errors never reach a client.
 */
export async function withTx<T>(fn: (tx: Tx) => Promise<T>, opts: TxOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      const guard = guards.getStore();
      const body = guard
        ? async (tx: Tx) => {
            const result = await fn(tx);
            await guard(tx);
            return result;
          }
        : fn;
      return await prisma().$transaction(body, { timeout: opts.timeout ?? 30_000, maxWait: opts.maxWait ?? 30_000 });
    } catch (err) {
      if (attempt >= attempts || !isRetryableTxError(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}
