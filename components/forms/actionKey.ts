// Idempotency keys for what a person does: one fresh key per action, reused only when the very same
// request is sent again because the first one got no answer (network, 5xx), so a retry cannot post twice.
import { ApiError, newIdempotencyKey } from "../api";

/** Whether the same request may be sent again unchanged: there was no answer, or the server was away. */
export function isRetryable(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 0 || err.status >= 500);
}

/** The keys of one form or button: see the module comment. */
export class ActionKeys {
  private pending: { key: string; body: string } | null = null;

  /** The key for sending `body` now: the pending one when the same body is being re-sent, else a new one. */
  forBody(body: unknown): string {
    const text = JSON.stringify(body ?? null);
    if (this.pending?.body === text) return this.pending.key;
    this.pending = { key: newIdempotencyKey(), body: text };
    return this.pending.key;
  }

  /** The action got its answer: the next one is a new action. */
  done(): void {
    this.pending = null;
  }

  /** Keeps the key only when the request may not have been answered. */
  failed(err: unknown): void {
    if (!isRetryable(err)) this.pending = null;
  }
}
