import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { env } from "../env";
import { HttpError, badRequest, toErrorResponse } from "../http/errors";
import { safeCallbackPath } from "./callback-url";
import { CLIENT_IP_HEADER, admitLoginAttempt, clientIp, normalizeEmail } from "./login";
import { authOptions } from "./options";

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** The origin next-auth treats as ours: the request's scheme and Host when it trusts them (lib/env-setup.ts), else NEXTAUTH_URL. */
function requestOrigin(req: NextApiRequest): string {
  if (process.env.AUTH_TRUST_HOST || process.env.VERCEL) {
    return `${String(req.headers["x-forwarded-proto"] ?? "http").split(",")[0]}://${String(req.headers["x-forwarded-host"] ?? req.headers.host ?? "")}`;
  }
  return new URL(env().NEXTAUTH_URL ?? "http://localhost:3000").origin;
}

/**
 * next-auth answers a `callbackUrl` it cannot parse (query, body or cookie) with a 500: hand it
 * only same-origin paths, so every value is either followed on our site or replaced by the dashboard.
 */
function sanitizeCallbackUrls(req: NextApiRequest): void {
  let origin: string;
  try {
    origin = requestOrigin(req);
  } catch {
    origin = "http://invalid.invalid";
  }
  if (req.query.callbackUrl !== undefined) req.query.callbackUrl = safeCallbackPath(req.query.callbackUrl, origin);
  const body = req.body as unknown;
  if (body && typeof body === "object" && "callbackUrl" in body) (body as Record<string, unknown>).callbackUrl = safeCallbackPath((body as Record<string, unknown>).callbackUrl, origin);
  for (const name of CALLBACK_COOKIES) {
    if (req.cookies[name] !== undefined) req.cookies[name] = safeCallbackPath(req.cookies[name], origin);
  }
}

/**
 * The email and password of a credentials sign-in, normalised once for both the throttle and
 * `authorize`; anything but two strings (e.g. a JSON array for the email) is a 400, never an
 * attempt that one of them would miss.
 */
function credentialsOf(req: NextApiRequest): { email: string; password: string } {
  const body = (req.body && typeof req.body === "object" ? req.body : {}) as Record<string, unknown>;
  const email = normalizeEmail(body.email);
  if (email === null || typeof body.password !== "string") {
    throw badRequest("Email and password must each be given once, as text.", [
      ...(email === null ? [{ path: "email", message: "must be text" }] : []),
      ...(typeof body.password !== "string" ? [{ path: "password", message: "must be text" }] : []),
    ]);
  }
  body.email = email;
  return { email, password: body.password };
}

/**
 * The /api/auth/* handler: next-auth, behind a sign-in throttle (429 + Retry-After when an email
 * or an address has failed too often) and with the client address handed to `authorize`.
 */
export async function authHandler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  const ip = clientIp(req);
  req.headers[CLIENT_IP_HEADER] = ip;
  // next-auth derives its URLs (and whether cookies are Secure) from these headers when NEXTAUTH_URL
  // is unset, assuming https when no protocol is given: state the real one unless a trusted proxy did.
  if (!env().TRUST_PROXY) {
    req.headers["x-forwarded-proto"] = (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
    delete req.headers["x-forwarded-host"];
  } else {
    req.headers["x-forwarded-proto"] ??= (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
  }
  const action = ([] as string[]).concat(req.query.nextauth ?? []);
  try {
    sanitizeCallbackUrls(req);
    if (req.method === "POST" && action[0] === "callback" && action[1] === "credentials") {
      const { email } = credentialsOf(req);
      const wait = await admitLoginAttempt(email, ip);
      if (wait > 0) {
        throw new HttpError(429, "RATE_LIMITED", `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`, { retryAfterSeconds: wait }, { "Retry-After": String(wait) });
      }
    }
    await NextAuth(req, res, authOptions());
  } catch (err) {
    if (res.headersSent) {
      console.error(err);
      res.end();
      return;
    }
    const { status, body, headers } = toErrorResponse(err);
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    res.status(status).json(body);
  }
}
