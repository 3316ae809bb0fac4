// The webhook signature (docs/webhooks.md): `X-MES-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
// "<t>.<raw body>" with the webhook's secret>`. Signing the time with the body lets a receiver refuse
// an old message replayed (compare t with its clock) as well as a forged or altered one.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-MES-Signature";

/** A new secret: `whsec_` + 32 random bytes, base64url. */
export const newSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

const hmac = (secret: string, t: number, body: string) => createHmac("sha256", secret).update(`${t}.${body}`, "utf8").digest("hex");

/** The header value for a body sent at `t` (unix seconds). */
export function signatureHeader(secret: string, body: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

/**
 * What a receiver does: true when the header signs this exact body with this secret and its time is
 * within `toleranceSeconds` of now. Compares in constant time.
 */
export function verifySignature(secret: string, body: string, header: string | undefined, toleranceSeconds = 300, now = Date.now()): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const want = Buffer.from(hmac(secret, t, body), "hex");
  const got = Buffer.from(parts.v1 ?? "", "hex");
  return got.length === want.length && timingSafeEqual(got, want);
}
