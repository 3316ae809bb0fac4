// Server-side sign-in sessions (table "UserSession"): the JWT cookie carries the row's id ("sid"),
// lib/auth/session.ts checks it on every request, and these functions start and end them.
import { prisma, type Db, type Tx } from "../db/client";
import { publish, type DomainEvent } from "../realtime/events";

/** How long a sign-in lasts (one shift and a half); the cookie and the row end together. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Starts a session for a user who just proved their password; returns its id for the JWT. */
export async function startSession(userId: string, meta: { userAgent?: string; ip?: string } = {}): Promise<string> {
  const row = await prisma().userSession.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: meta.userAgent?.slice(0, 500) || null,
      ip: meta.ip?.slice(0, 100) || null,
    },
    select: { id: true },
  });
  return row.id;
}

/** Ends one session (sign-out) and closes the sockets opened with it. Unknown or already ended sessions are left as they are. */
export async function endSession(sessionId: string): Promise<void> {
  await prisma().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  await publish([sessionsEnded([sessionId])]);
}

/** The event that closes the open sockets of ended sessions (publish it after the commit). */
export function sessionsEnded(sessionIds: string[]): DomainEvent {
  return { name: "sessions:ended", payload: { sessionIds } };
}

/**
 * Ends every open session of a user, except `keep` (the caller's own, when they changed their own
 * password); returns the ids it ended (for `sessionsEnded`). Pass `tx` to end them in the transaction of the change.
 */
export async function endUserSessions(userId: string, opts: { keep?: string; tx?: Tx | Db } = {}): Promise<string[]> {
  const db = opts.tx ?? prisma();
  const rows = await db.userSession.updateManyAndReturn({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() }, ...(opts.keep ? { id: { not: opts.keep } } : {}) },
    data: { revokedAt: new Date() },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
