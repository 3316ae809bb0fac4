// The browser's way to call our API: JSON in and out, and every failure as an ApiError that carries
// the API's `{ error: { code, message, details } }`, so screens can show the message as-is.
import { redirectToSignIn } from "./redirect";

/** A failed API call; `message` is safe to show to the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
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
  if (isErrorBody(body)) return new ApiError(res.status, body.error.code, body.error.message, body.error.details);
  return new ApiError(res.status, "HTTP_" + res.status, `The server answered with an error (${res.status}). Please try again.`);
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

/** A JSON write request (POST, PATCH, PUT, DELETE); an expired session leads to the sign-in page. */
export async function sendJson<T>(url: string, method: "POST" | "PATCH" | "PUT" | "DELETE", body: unknown): Promise<T> {
  try {
    return await apiFetch<T>(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) redirectToSignIn();
    throw err;
  }
}

/** A message for anything thrown by the calls above (or by code between them). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return "Something went wrong. Please try again.";
}
