// The browser's way to call our API: JSON in and out, and every failure as an ApiError that carries
// the API's `{ error: { code, message, details } }`, so screens can show the message as-is.
import { redirectToSignIn, signInReasonOf } from "./redirect";

/** A failed API call; `message` is safe to show to the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** The Retry-After header of a 429/503, when sent. */
    readonly retryAfter?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function isErrorBody(v: unknown): v is ErrorBody {
  if (typeof v !== "object" || v === null || !("error" in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string" && typeof (e as { code?: unknown }).code === "string";
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Turns a non-2xx response into an ApiError, using the API's error body when there is one. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const body = await readJson(res);
  const retryAfter = res.headers?.get("Retry-After") ?? undefined;
  if (isErrorBody(body)) return new ApiError(res.status, body.error.code, body.error.message, body.error.details, retryAfter);
  return new ApiError(res.status, "HTTP_" + res.status, `The server answered with an error (${res.status}). Please try again.`, undefined, retryAfter);
}

/** fetch() on our own origin that resolves to the parsed JSON body or throws an ApiError. */
export async function apiFetch<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: "same-origin", ...init, headers: { Accept: "application/json", ...init.headers } });
  } catch {
    throw new ApiError(0, "NETWORK", "Cannot reach the server. Check the network connection and try again.");
  }
  if (!res.ok) throw await errorFromResponse(res);
  return (await readJson(res)) as T;
}

/** SWR fetcher: the key is the URL. */
export const fetcher = <T>(url: string): Promise<T> => apiFetch<T>(url);

/** Options of sendJson. */
export interface SendOptions {
  /**
   * The Idempotency-Key of a POST. One user action = one key: pass the same key when the user's one
   * action may call sendJson more than once (e.g. a form resubmitted after an error that left no effect
   * is a new action and gets a new key). Default: a fresh key per call.
   */
  idempotencyKey?: string;
  /** Wait before the one automatic retry is capped at this (ms); default 10 s. */
  maxRetryDelayMs?: number;
}

/** A fresh key per user action (randomUUID needs a secure context; a LAN tablet over http may not have one). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === "function") c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** How long to wait before retrying a 503: its Retry-After (seconds or a date), capped; 1 s when absent. */
function retryDelayMs(err: ApiError, cap: number): number {
  const ra = err.retryAfter;
  let ms = 1000;
  if (ra) {
    const secs = Number(ra);
    if (Number.isFinite(secs)) ms = secs * 1000;
    else if (!Number.isNaN(Date.parse(ra))) ms = Date.parse(ra) - Date.now();
  }
  return Math.min(Math.max(ms, 0), cap);
}

/**
 * A JSON write request (POST, PATCH, PUT, DELETE); an expired session leads to the sign-in page.
 * A POST carries an Idempotency-Key and is retried once, with the same key, after a network failure
 * or a 503 (database away): the server runs a keyed POST at most once, so the retry cannot double it.
 * Other methods are not retried (a repeated DELETE would report a 404 for a delete that worked).
 */
export async function sendJson<T>(url: string, method: "POST" | "PATCH" | "PUT" | "DELETE", body: unknown, options: SendOptions = {}): Promise<T> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (method === "POST") headers["Idempotency-Key"] = options.idempotencyKey ?? newIdempotencyKey();
  const init = { method, headers, body: JSON.stringify(body) };
  try {
    try {
      return await apiFetch<T>(url, init);
    } catch (err) {
      if (method !== "POST" || !(err instanceof ApiError) || (err.status !== 0 && err.status !== 503)) throw err;
      await new Promise((r) => setTimeout(r, err.status === 503 ? retryDelayMs(err, options.maxRetryDelayMs ?? 10_000) : 500));
      return await apiFetch<T>(url, init);
    }
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) redirectToSignIn(signInReasonOf(err));
    throw err;
  }
}

// The i18n provider (pages/_app.tsx) registers how failures read in the person's language
// (components/forms/messages.ts), so every errorMessage() call speaks it without a hook.
let translateError: ((err: unknown) => string) | null = null;

/** Sets the translation of errorMessage (pages/_app.tsx, on each render). */
export function setErrorTranslator(translate: ((err: unknown) => string) | null): void {
  translateError = translate;
}

/** A message for anything thrown by the calls above (or by code between them), in the person's language. */
export function errorMessage(err: unknown): string {
  if (translateError) return translateError(err);
  if (err instanceof ApiError) return err.message;
  return "Something went wrong. Please try again.";
}
