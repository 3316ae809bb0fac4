// The two cookies of a station (docs/stations.md): the station's own (set when a manager opens it)
// and, after a badge or PIN, a next-auth session cookie for the operator, naming a station-bound
// session row, so every existing route reads the operator exactly as after a password sign-in.
import type { IncomingMessage, ServerResponse } from "node:http";
import { serialize } from "cookie";
import { encode } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS } from "../auth/sessions";
import { SECURE_STATION_COOKIE, STATION_COOKIE } from "../auth/station-scope";
import { env } from "../env";

const SESSION_COOKIE = "next-auth.session-token";
const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";

/** How long a station stays signed in without a manager opening it again. */
export const STATION_MAX_AGE_SECONDS = 90 * 24 * 60 * 60;

/** Whether cookies must be Secure: as next-auth decides (an https NEXTAUTH_URL, else the request's own scheme). */
function secure(req: IncomingMessage): boolean {
  const url = env().NEXTAUTH_URL;
  if (url) return url.startsWith("https://");
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return env().TRUST_PROXY && String(req.headers["x-forwarded-proto"] ?? "").split(",")[0]?.trim() === "https";
}

function append(res: ServerResponse, cookies: string[]): void {
  const prev = res.getHeader("Set-Cookie");
  const list = prev === undefined ? [] : Array.isArray(prev) ? prev : [String(prev)];
  res.setHeader("Set-Cookie", [...list, ...cookies]);
}

const base = (req: IncomingMessage) => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: secure(req) });

/** Makes this browser the station whose token this is. */
export function setStationCookie(req: IncomingMessage, res: ServerResponse, token: string): void {
  append(res, [serialize(secure(req) ? SECURE_STATION_COOKIE : STATION_COOKIE, token, { ...base(req), maxAge: STATION_MAX_AGE_SECONDS })]);
}

/** Signs this browser in as the operator of a station-bound session row. */
export async function setOperatorCookie(req: IncomingMessage, res: ServerResponse, user: { id: string; name: string; email: string }, sessionId: string): Promise<void> {
  const value = await encode({ token: { sub: user.id, sid: sessionId, name: user.name, email: user.email }, secret: env().NEXTAUTH_SECRET, maxAge: SESSION_MAX_AGE_SECONDS });
  append(res, [serialize(secure(req) ? SECURE_SESSION_COOKIE : SESSION_COOKIE, value, { ...base(req), maxAge: SESSION_MAX_AGE_SECONDS })]);
}

/** Drops the browser's user session cookie (both names): the station stays, nobody is signed in on it. */
export function clearSessionCookie(req: IncomingMessage, res: ServerResponse): void {
  append(res, [SESSION_COOKIE, SECURE_SESSION_COOKIE].map((n) => serialize(n, "", { ...base(req), secure: n.startsWith("__Secure-") || secure(req), maxAge: 0 })));
}
