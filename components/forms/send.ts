import { sendJson } from "../api";

type Method = "POST" | "PATCH" | "PUT" | "DELETE";

/** sendJson with the action's idempotency key (see forms/actionKey.ts). */
export function sendWithKey<T>(url: string, method: Method, body: unknown, idempotencyKey: string): Promise<T> {
  return sendJson<T>(url, method, body, { idempotencyKey });
}
