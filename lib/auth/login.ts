import type { IncomingMessage } from "node:http";
import { prisma } from "../db/client";
import type { UserRole } from "../db/generated/enums";
import { env } from "../env";
import { unstorableText } from "../validation/text";
import { verifyPassword } from "./password";
import { hit, refund } from "./rate-limit";

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

/**
 * The one normal form of a sign-in email (trimmed, lower-case), or null when the value is not a string
 * (or text Postgres cannot store: a NUL byte in the throttle's key was a 500):
 * the throttle and the password check must see the same key, so a JSON array or number can never
 * slip past one of them.
 */
export function normalizeEmail(raw: unknown): string | null {
  if (typeof raw !== "string" || unstorableText(raw) !== null) return null;
  return raw.trim().toLowerCase();
}

const emailKey = (email: string) => `login:email:${email}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

/**
 * Counts a sign-in attempt before any password is checked, per email and per address, and returns
 * the seconds to wait when either is over its limit (0: go ahead). Counting first, in one atomic
 * statement per key, means 29 parallel guesses get at most the limit checked.
 */
export async function admitLoginAttempt(email: string, ip: string): Promise<number> {
  const e = env();
  const w = e.LOGIN_WINDOW_SECONDS;
  const [byEmail, byIp] = await Promise.all([email ? hit(emailKey(email), w) : null, hit(ipKey(ip), w)]);
  const waits = [byEmail && byEmail.count > e.LOGIN_MAX_FAILURES_PER_EMAIL ? byEmail.retryAfter : 0, byIp.count > e.LOGIN_MAX_FAILURES_PER_IP ? byIp.retryAfter : 0];
  return Math.max(...waits);
}

export interface AuthorizedUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** Thrown for the right password of a deactivated account: the sign-in page says why (`?error=AccountDeactivated`). */
export class AccountDeactivatedError extends Error {
  constructor() {
    super("AccountDeactivated");
  }
}

/**
 * Checks credentials of an attempt already counted by `admitLoginAttempt` (with the same normalised
 * email). A success takes back its own count only, so it never lifts a lock other attempts earned.
 */
export async function checkCredentials(email: string, password: string, ip: string): Promise<AuthorizedUser | null> {
  const user = email ? await prisma().user.findUnique({ where: { email } }) : null;
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok) return null;
  if (!user.active) throw new AccountDeactivatedError();
  await Promise.all([refund(emailKey(email)), refund(ipKey(ip))]);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
