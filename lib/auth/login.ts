import type { IncomingMessage } from "node:http";
import { prisma } from "../db/client";
import type { UserRole } from "../db/generated/enums";
import { env } from "../env";
import { verifyPassword } from "./password";
import { hit, reset, retryAfter } from "./rate-limit";

/** Header through which the auth route hands the client address to `authorize` (overwritten, never trusted from clients). */
export const CLIENT_IP_HEADER = "x-mes-client-ip";

/** The client's address: the socket's, or the first X-Forwarded-For hop when TRUST_PROXY is on. */
export function clientIp(req: Pick<IncomingMessage, "headers" | "socket">): string {
  if (env().TRUST_PROXY) {
    const fwd = req.headers["x-forwarded-for"];
    const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket?.remoteAddress ?? "unknown";
}

const emailKey = (email: string) => `login:email:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

/** Seconds the caller must wait before another sign-in attempt (0: go ahead). */
export async function loginRetryAfter(email: string, ip: string): Promise<number> {
  const e = env();
  const [byEmail, byIp] = await Promise.all([
    email ? retryAfter(emailKey(email), e.LOGIN_MAX_FAILURES_PER_EMAIL, e.LOGIN_WINDOW_SECONDS) : 0,
    retryAfter(ipKey(ip), e.LOGIN_MAX_FAILURES_PER_IP, e.LOGIN_WINDOW_SECONDS),
  ]);
  return Math.max(byEmail, byIp);
}

export interface AuthorizedUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** Checks credentials; counts failures per email and per IP, and clears the email's count on success. */
export async function checkCredentials(email: string, password: string, ip: string): Promise<AuthorizedUser | null> {
  const normalized = email.trim().toLowerCase();
  const user = normalized ? await prisma().user.findUnique({ where: { email: normalized } }) : null;
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok || !user.active) {
    const w = env().LOGIN_WINDOW_SECONDS;
    await Promise.all([normalized ? hit(emailKey(normalized), w) : null, hit(ipKey(ip), w)]);
    return null;
  }
  await reset(emailKey(normalized));
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
