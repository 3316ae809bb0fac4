import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { parse as parseCookies } from "cookie";
import { getToken } from "next-auth/jwt";
import { prisma } from "../db/client";
import type { UserRole } from "../db/generated/enums";
import { env } from "../env";
import { SECURE_STATION_COOKIE, STATION_COOKIE } from "./station-scope";

/** The signed-in user as the API shows it (GET /api/me). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** The signed-in user of a request, with the server-side session (UserSession.id) it came with. */
export interface RequestUser extends SessionUser {
  sessionId: string;
  /** The saved language ("en" | "nl"), or null to follow the browser (lib/i18n/config.ts resolveLocale). */
  locale: string | null;
  /** Set when this is an operator identified on a station: confined to the station's routes (docs/stations.md). */
  station?: StationBinding;
}

/** The station an operator's session is bound to, and the work centers whose work orders it runs. */
export interface StationBinding {
  stationId: string;
  stationSessionId: string;
  workCenterIds: string[];
}

/** The SHA-256 (hex) of a station cookie's token, as StationSession.tokenHash keeps it. */
export function stationTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The station token a request carries (either cookie name), or undefined. */
export function stationTokenOf(req: CookieRequest): string | undefined {
  const cookies = req.cookies ?? parseCookies(String(req.headers.cookie ?? ""));
  const v = cookies[SECURE_STATION_COOKIE] ?? cookies[STATION_COOKIE];
  return typeof v === "string" && v.length > 0 && v.length <= 200 ? v : undefined;
}

/** The session id behind a request's user (undefined for users not read from a request). */
export function sessionIdOf(user: SessionUser): string | undefined {
  const sid = (user as Partial<RequestUser>).sessionId;
  return typeof sid === "string" ? sid : undefined;
}

/** Why a request has no user: no/invalid cookie, a session that was ended or ran out, or a deactivated account. */
export type SignedOutReason = "signed-out" | "ended" | "expired" | "deactivated";

export type SessionState = { user: RequestUser; reason?: undefined } | { user: null; reason: SignedOutReason };

type CookieRequest = IncomingMessage & { cookies?: Partial<Record<string, string>> };

const SECURE_COOKIE = "__Secure-next-auth.session-token";

interface Row {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  locale: string | null;
  active: boolean;
  revoked: boolean;
  expired: boolean;
  stationSessionId: string | null;
  stationId: string | null;
  stationTokenHash: string | null;
  stationEnded: boolean | null;
  workCenterIds: string[] | null;
}

/**
 * The session of a request: the JWT names a session row ("sid") and a user ("sub"); one query joins
 * both, so a revoked or expired session, a deactivated user or a changed role apply on the next
 * request at no extra round trip. A JWT without a sid (made before sessions existed) is signed out.
 */
export async function readSession(req: CookieRequest): Promise<SessionState> {
  // API routes get req.cookies from Next; a Socket.IO handshake is a bare IncomingMessage.
  const cookies = req.cookies ?? parseCookies(String(req.headers.cookie ?? ""));
  // Behind HTTPS next-auth names the cookie __Secure-…; look for the one this browser holds.
  const secureCookie = Object.keys(cookies).some((k) => k.startsWith(SECURE_COOKIE));
  const token = await getToken({ req: { headers: req.headers, cookies } as unknown as Parameters<typeof getToken>[0]["req"], secret: env().NEXTAUTH_SECRET, secureCookie });
  const sid = typeof token?.sid === "string" ? token.sid : undefined;
  const sub = typeof token?.sub === "string" ? token.sub : undefined;
  if (!sid || !sub) return { user: null, reason: "signed-out" };
  // Times are stored as UTC wall-clock (Prisma's TIMESTAMP(3)): compare with UTC now.
  const rows = await prisma().$queryRaw<Row[]>`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."locale", u."active",
           (s."revokedAt" IS NOT NULL) AS "revoked", (s."expiresAt" <= (now() AT TIME ZONE 'UTC')) AS "expired",
           s."stationSessionId", ss."stationId", ss."tokenHash" AS "stationTokenHash",
           (ss."revokedAt" IS NOT NULL OR ss."expiresAt" <= (now() AT TIME ZONE 'UTC')) AS "stationEnded",
           (SELECT array_agg(w."workCenterId" ORDER BY w."workCenterId") FROM "StationWorkCenter" w WHERE w."stationId" = ss."stationId") AS "workCenterIds"
    FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "StationSession" ss ON ss."id" = s."stationSessionId"
    WHERE s."id" = ${sid} AND s."userId" = ${sub}`;
  const row = rows[0];
  if (!row) return { user: null, reason: "signed-out" };
  if (row.revoked) return { user: null, reason: "ended" };
  if (row.expired) return { user: null, reason: "expired" };
  if (!row.active) return { user: null, reason: "deactivated" };
  const user: RequestUser = { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, sessionId: sid };
  if (row.stationSessionId) {
    // An operator's station session works only beside the station's own cookie, while the station is signed in.
    if (row.stationEnded || !row.stationId) return { user: null, reason: "ended" };
    const token = stationTokenOf(req);
    if (!token || stationTokenHash(token) !== row.stationTokenHash) return { user: null, reason: "signed-out" };
    user.station = { stationId: row.stationId, stationSessionId: row.stationSessionId, workCenterIds: row.workCenterIds ?? [] };
  }
  return { user };
}

/** The signed-in user of a request (API routes, pages, Socket.IO handshakes), or null: see `readSession`. */
export async function currentUser(req: CookieRequest): Promise<RequestUser | null> {
  return (await readSession(req)).user;
}

/** What a signed-out request is told (the sign-in page shows its own words for each reason). */
export function signedOutMessage(reason: SignedOutReason | undefined): string {
  switch (reason) {
    case "ended":
    case "expired":
      return "Your session ended. Sign in again.";
    case "deactivated":
      return "This account was deactivated.";
    default:
      return "Sign in to continue.";
  }
}
