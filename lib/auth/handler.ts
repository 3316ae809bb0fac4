import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { env } from "../env";
import { toErrorResponse, HttpError } from "../http/errors";
import { CLIENT_IP_HEADER, clientIp, loginRetryAfter } from "./login";
import { authOptions } from "./options";

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
    if (req.method === "POST" && action[0] === "callback" && action[1] === "credentials") {
      const email = typeof req.body?.email === "string" ? req.body.email : "";
      const wait = await loginRetryAfter(email, ip);
      if (wait > 0) {
        throw new HttpError(429, "RATE_LIMITED", `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`, { retryAfterSeconds: wait }, { "Retry-After": String(wait) });
      }
    }
    await NextAuth(req, res, authOptions());
  } catch (err) {
    const { status, body, headers } = toErrorResponse(err);
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    res.status(status).json(body);
  }
}
