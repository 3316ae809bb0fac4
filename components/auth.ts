// Sign-in and sign-out against next-auth's REST endpoints, without next-auth/react: its signIn()
// cannot read our 429 JSON (the sign-in throttle), and we want every failure as a clear message.
import { ApiError, errorFromResponse } from "./api";
import { signInErrorCode } from "./forms/messages";

const FORM = { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" };

/** next-auth's CSRF token (also sets its cookie), needed by every next-auth POST. */
export async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { credentials: "same-origin", cache: "no-store" });
  if (!res.ok) throw await errorFromResponse(res);
  const body = (await res.json()) as { csrfToken?: unknown };
  if (typeof body.csrfToken !== "string") throw new ApiError(res.status, "CSRF", "Could not start signing in. Reload the page and try again.");
  return body.csrfToken;
}

/**
 * The English message of next-auth's `?error=` codes, carried by the ApiError like the API's own
 * English `message`; screens show it translated by its code (errors `code.*`, components/forms/messages.ts).
 */
function signInErrorMessage(code: string): string {
  switch (code) {
    case "CredentialsSignin":
      return "Incorrect email or password.";
    case "AccessDenied":
      return "This account may not sign in. Ask an administrator for access.";
    case "SessionRequired":
      return "Please sign in to continue.";
    case "AccountDeactivated":
      return "This account was deactivated. Ask an administrator if you need access again.";
    default:
      return "Signing in failed. Please try again.";
  }
}

async function post(url: string, fields: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { method: "POST", credentials: "same-origin", headers: FORM, body: new URLSearchParams({ ...fields, json: "true" }) });
  } catch {
    throw new ApiError(0, "NETWORK", "Cannot reach the server. Check the network connection and try again.");
  }
}

/**
 * Signs in with email and password; resolves when the session cookie is set, throws an ApiError
 * with a message to show otherwise (wrong credentials, throttled, expired CSRF token, ...).
 */
export async function signInWithPassword(email: string, password: string): Promise<void> {
  const res = await post("/api/auth/callback/credentials", { csrfToken: await csrfToken(), email, password });
  if (res.status === 429 || (!res.ok && res.status !== 401)) throw await errorFromResponse(res);
  // Success and failure both answer `{ url }` (or a redirect to it); a failure's url names the error:
  // 401 + error=CredentialsSignin, or 200 + csrf=true when the CSRF token did not match.
  const url = res.redirected ? new URL(res.url) : new URL(await returnedUrl(res), window.location.origin);
  const error = url.searchParams.get("error") ?? (res.status === 401 ? "CredentialsSignin" : null);
  // A code the catalogs do not know (next-auth's "Configuration", …) is a plain failed sign-in.
  if (error) throw new ApiError(401, signInErrorCode(error), signInErrorMessage(error));
  if (url.searchParams.has("csrf")) throw new ApiError(403, "CSRF", "Your sign-in form expired. Please try again.");
  // The session cookie is what counts: make sure the API now knows us.
  const me = await fetch("/api/me", { credentials: "same-origin", cache: "no-store" });
  if (!me.ok) throw new ApiError(me.status, "SIGNIN_FAILED", "Signing in failed. Please try again.");
}

async function returnedUrl(res: Response): Promise<string> {
  const body = (await res.json().catch(() => ({}))) as { url?: unknown };
  return typeof body.url === "string" ? body.url : "/";
}

/** Ends the session: the server revokes it (so a copied cookie stops working too) and clears the cookie. */
export async function signOut(): Promise<void> {
  const res = await post("/api/auth/signout", { csrfToken: await csrfToken() });
  if (!res.ok) throw await errorFromResponse(res);
}

/** Where to go after signing in: a page of this site, else the dashboard (the rule lives in lib/auth/callback-url.ts). */
export { safeCallbackPath } from "@/lib/auth/callback-url";
