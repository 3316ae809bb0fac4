import type { IncomingMessage } from "node:http";
import { env } from "../env";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a state-changing request comes from the app's own origin. Browsers always send Origin
 * (and Sec-Fetch-Site) on cross-site writes; requests without them are not from a browser page.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  if (SAFE.has(req.method ?? "GET")) return true;
  if (req.headers["sec-fetch-site"] === "cross-site") return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  if (origin === "null") return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = new Set<string>();
  if (req.headers.host) allowed.add(req.headers.host);
  const fwd = req.headers["x-forwarded-host"];
  if (env().TRUST_PROXY && typeof fwd === "string") allowed.add(fwd.split(",")[0]!.trim());
  const configured = env().NEXTAUTH_URL;
  if (configured) allowed.add(new URL(configured).host);
  return allowed.has(host);
}
