// The API side of station confinement (docs/stations.md): an operator identified on a station reaches
// only the routes of lib/auth/station-scope.ts, and each of their actions keeps them on the station
// for another STATION_IDLE_MINUTES (the idle drop is the session row running out).
import type { SessionUser } from "../auth/session";
import type { RequestUser } from "../auth/session";
import { stationMayCall } from "../auth/station-scope";
import { prisma } from "../db/client";
import { env } from "../env";
import { HttpError } from "./errors";

/**
 * Refuses (403 FORBIDDEN, `details.reason: "station"`) a station-bound session's call outside the
 * station's routes, and slides its idle deadline on every write it may make. Other users pass untouched.
 */
export async function confineStation(user: SessionUser, method: string, url: string): Promise<void> {
  const u = user as Partial<RequestUser>;
  if (!u.station || !u.sessionId) return;
  if (!stationMayCall(method, url)) throw new HttpError(403, "FORBIDDEN", "A station can open only the station screen and its work orders.", { reason: "station" });
  if (method !== "GET") await slideStationSession(u.sessionId);
}

/** Pushes an operator's station session's end to STATION_IDLE_MINUTES from now (never revives an ended one). */
export async function slideStationSession(sessionId: string): Promise<Date> {
  const expiresAt = new Date(Date.now() + env().STATION_IDLE_MINUTES * 60_000);
  await prisma().userSession.updateMany({ where: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() } }, data: { expiresAt } });
  return expiresAt;
}
