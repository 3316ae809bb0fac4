// Helpers of the station routes (pages/api/station/*): which station this browser is, and who is on it.
import type { IncomingMessage } from "node:http";
import type { RequestUser, SessionUser } from "../../auth/session";
import { readStationDevice, type StationDevice } from "../../auth/station-session";
import { HttpError, forbidden } from "../errors";

/** The station this request comes from; 401 for a signed-out browser, 403 for a signed-in one that is not a station. */
export async function requireStation(req: IncomingMessage, user: SessionUser | null): Promise<StationDevice> {
  const device = await readStationDevice(req);
  if (device) return device;
  if (user) throw forbidden("This browser is not signed in as a station: a manager opens one at /station/setup.");
  throw new HttpError(401, "UNAUTHENTICATED", "This browser is not signed in as a station.", { reason: "not-a-station" });
}

/** The operator identified on this very station, or null (nobody, or a user signed in some other way). */
export function operatorOn(device: StationDevice, user: SessionUser | null): (RequestUser & { station: NonNullable<RequestUser["station"]> }) | null {
  const u = user as RequestUser | null;
  return u?.station && u.station.stationSessionId === device.stationSessionId ? (u as RequestUser & { station: NonNullable<RequestUser["station"]> }) : null;
}
