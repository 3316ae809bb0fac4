import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { env } from "../env";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function first(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s?.split(",")[0]!.trim() || undefined;
}

/** `scheme://host[:port]` as the URL standard writes it (default ports dropped), or undefined when malformed. */
function normalise(origin: string): string | undefined {
  try {
    const u = new URL(origin);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The origins this request may come from: its own (scheme of the connection, Host header; the
 * X-Forwarded-Proto/Host of a proxy only with TRUST_PROXY) and the configured NEXTAUTH_URL.
 */
export function ownOrigins(req: IncomingMessage): Set<string> {
  const e = env();
  const out = new Set<string>();
  const add = (proto: string | undefined, host: string | undefined) => {
    if (!proto || !host) return;
    const o = normalise(`${proto}://${host}`);
    if (o) out.add(o);
  };
  const scheme = (req.socket as TLSSocket | undefined)?.encrypted ? "https" : "http";
  add(scheme, req.headers.host);
  if (e.TRUST_PROXY) {
    const proto = first(req.headers["x-forwarded-proto"])?.toLowerCase();
    add(proto ?? scheme, first(req.headers["x-forwarded-host"]) ?? req.headers.host);
  }
  if (e.NEXTAUTH_URL) {
    const o = normalise(e.NEXTAUTH_URL);
    if (o) out.add(o);
  }
  return out;
}

/**
 * Whether the request must pass the same-origin check: every request that may carry a browser's
 * cookie. A bearer-token request without any Cookie header (a script, lib/auth/tokens.ts) cannot
 * ride on a signed-in browser, so it is not checked; with a cookie it still is.
 */
export function needsOriginCheck(req: IncomingMessage): boolean {
  const bearer = /^\s*Bearer\s/i.test(String(req.headers.authorization ?? ""));
  return !bearer || req.headers.cookie !== undefined;
}

/**
 * Whether a state-changing request comes from the app's own origin: scheme, host and port must all
 * match. Browsers always send Origin (and Sec-Fetch-Site) on cross-site writes; requests without them
 * are not from a browser page.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  if (SAFE.has(req.method ?? "GET")) return true;
  if (req.headers["sec-fetch-site"] === "cross-site") return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  if (origin === "null") return false;
  const o = normalise(origin);
  return o !== undefined && ownOrigins(req).has(o);
}
