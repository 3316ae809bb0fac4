// The station a browser is signed in as (its cookie, lib/auth/station-scope.ts), read from the
// database like a user's session: revoked or expired stations are no station at all.
import type { IncomingMessage } from "node:http";
import { prisma } from "../db/client";
import { stationTokenHash, stationTokenOf } from "./session";

export interface StationDevice {
  stationSessionId: string;
  stationId: string;
  name: string;
  workCenters: { id: string; name: string }[];
}

type CookieRequest = IncomingMessage & { cookies?: Partial<Record<string, string>> };

/** The station this request's browser is, or null (no cookie, an unknown one, or a revoked or expired station session). */
export async function readStationDevice(req: CookieRequest): Promise<StationDevice | null> {
  const token = stationTokenOf(req);
  if (!token) return null;
  const row = await prisma().stationSession.findUnique({
    where: { tokenHash: stationTokenHash(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      station: { select: { id: true, name: true, workCenters: { select: { workCenter: { select: { id: true, name: true } } }, orderBy: { workCenter: { name: "asc" } } } } },
    },
  });
  if (!row || row.revokedAt || row.expiresAt <= new Date()) return null;
  return { stationSessionId: row.id, stationId: row.station.id, name: row.station.name, workCenters: row.station.workCenters.map((w) => w.workCenter) };
}
