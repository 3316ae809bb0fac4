// GET /api/station: the station a browser is and the operator on it, as the station screen reads it.
import type { StationDevice } from "../auth/station-session";
import type { UserRole } from "../db/generated/enums";
import { prisma } from "../db/client";
import { env } from "../env";

export interface StationState {
  station: { id: string; name: string; workCenters: { id: string; name: string }[] };
  /** Null: nobody is identified (the screen shows the badge box and the PIN pad). */
  operator: { id: string; name: string; role: UserRole } | null;
  /** When the operator is dropped unless they act before (each action moves it). */
  operatorExpiresAt: Date | null;
  idleMinutes: number;
}

/** The state of a station device, with the operator identified on it (or null). */
export async function stationState(device: StationDevice, operator: { id: string; name: string; role: UserRole; sessionId: string } | null): Promise<StationState> {
  const session = operator ? await prisma().userSession.findUnique({ where: { id: operator.sessionId }, select: { expiresAt: true } }) : null;
  return {
    station: { id: device.stationId, name: device.name, workCenters: device.workCenters },
    operator: operator ? { id: operator.id, name: operator.name, role: operator.role } : null,
    operatorExpiresAt: session?.expiresAt ?? null,
    idleMinutes: env().STATION_IDLE_MINUTES,
  };
}
