// Stations as a manager sees them (docs/stations.md): create one for some work centers, change it,
// open it on this browser, and sign its tablets out (revocation ends their operators too).
import { randomBytes } from "node:crypto";
import type { Actor } from "../auth/permissions";
import { stationTokenHash } from "../auth/session";
import { sessionsEnded } from "../auth/sessions";
import { writeAudit } from "../audit/write";
import type { Tx } from "../db/client";
import { prisma } from "../db/client";
import { withTx } from "../db/tx";
import { badRequest, conflict, notFound } from "../errors";
import type { Outcome } from "../realtime/events";
import { STATION_MAX_AGE_SECONDS } from "./cookies";
import type { CreateStationInput, UpdateStationInput } from "./schemas";

const stationSelect = {
  id: true,
  name: true,
  createdAt: true,
  updatedAt: true,
  workCenters: { select: { workCenter: { select: { id: true, name: true, active: true } } }, orderBy: { workCenter: { name: "asc" } } },
} as const;

/** A station as the setup screen lists it: its work centers and how many tablets are signed in as it. */
export interface StationView {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  workCenters: { id: string; name: string; active: boolean }[];
  openSessions: number;
}

const withOpenSessions = () => ({ ...stationSelect, _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } } });

function toView(s: { id: string; name: string; createdAt: Date; updatedAt: Date; workCenters: { workCenter: StationView["workCenters"][number] }[]; _count: { sessions: number } }): StationView {
  return { id: s.id, name: s.name, createdAt: s.createdAt, updatedAt: s.updatedAt, workCenters: s.workCenters.map((w) => w.workCenter), openSessions: s._count.sessions };
}

async function view(db: Tx, id: string): Promise<StationView> {
  return toView(await db.station.findUniqueOrThrow({ where: { id }, select: withOpenSessions() }));
}

/** Every station, by name, with its work centers and how many tablets are signed in as it (one query). */
export async function listStations(): Promise<{ items: StationView[] }> {
  const rows = await prisma().station.findMany({ select: withOpenSessions(), orderBy: { name: "asc" }, take: 500 });
  return { items: rows.map(toView) };
}

async function assertWorkCenters(tx: Tx, ids: string[]): Promise<void> {
  const found = await tx.workCenter.findMany({ where: { id: { in: ids }, active: true }, select: { id: true } });
  const known = new Set(found.map((w) => w.id));
  const missing = ids.map((id, i) => ({ id, i })).filter((w) => !known.has(w.id));
  if (missing.length) throw badRequest("workCenterIds: unknown or inactive work center.", missing.map((m) => ({ path: `workCenterIds.${m.i}`, message: "unknown or inactive work center" })));
}

/** Creates a station for one or more active work centers (name unique). */
export async function createStation(input: CreateStationInput, actor: Actor): Promise<StationView> {
  return withTx(async (tx) => {
    if (await tx.station.findUnique({ where: { name: input.name }, select: { id: true } })) throw conflict(`A station named ${input.name} already exists.`);
    await assertWorkCenters(tx, input.workCenterIds);
    const s = await tx.station.create({ data: { name: input.name, workCenters: { create: input.workCenterIds.map((workCenterId) => ({ workCenterId })) } }, select: { id: true } });
    await writeAudit(tx, { actorId: actor.id, action: "station.create", entityType: "Station", entityId: s.id, payload: { name: input.name, workCenterIds: input.workCenterIds } });
    return view(tx, s.id);
  });
}

/** Renames a station or changes its work centers (its tablets and operators see the new queue at once). */
export async function updateStation(id: string, input: UpdateStationInput, actor: Actor): Promise<StationView> {
  return withTx(async (tx) => {
    const s = await tx.station.findUnique({ where: { id }, select: { id: true, name: true } });
    if (!s) throw notFound("Station");
    if (input.name && input.name !== s.name && (await tx.station.findUnique({ where: { name: input.name }, select: { id: true } }))) throw conflict(`A station named ${input.name} already exists.`);
    if (input.workCenterIds) {
      await assertWorkCenters(tx, input.workCenterIds);
      await tx.stationWorkCenter.deleteMany({ where: { stationId: id } });
      await tx.stationWorkCenter.createMany({ data: input.workCenterIds.map((workCenterId) => ({ stationId: id, workCenterId })) });
    }
    if (input.name) await tx.station.update({ where: { id }, data: { name: input.name } });
    else await tx.station.update({ where: { id }, data: { updatedAt: new Date() } });
    await writeAudit(tx, { actorId: actor.id, action: "station.update", entityType: "Station", entityId: id, payload: { ...input } });
    return view(tx, id);
  });
}

/**
 * Opens a station on the calling browser: a new station session (its token goes into the cookie,
 * its SHA-256 into the row; the route also drops the manager's own cookie from this browser, so the
 * tablet holds no one's sign-in). A station session this browser already had is ended.
 */
export async function openStation(
  id: string,
  actor: Actor,
  meta: { previousToken?: string; userAgent?: string; ip?: string },
): Promise<Outcome<{ station: StationView; token: string }>> {
  const token = randomBytes(32).toString("base64url");
  return withTx(async (tx) => {
    const s = await tx.station.findUnique({ where: { id }, select: { id: true, name: true } });
    if (!s) throw notFound("Station");
    const ended: string[] = [];
    if (meta.previousToken) {
      const prev = await tx.stationSession.updateManyAndReturn({ where: { tokenHash: stationTokenHash(meta.previousToken), revokedAt: null }, data: { revokedAt: new Date() }, select: { id: true } });
      ended.push(...(await endOperatorSessions(tx, prev.map((p) => p.id))));
    }
    const session = await tx.stationSession.create({
      data: { stationId: id, tokenHash: stationTokenHash(token), openedById: actor.id, expiresAt: new Date(Date.now() + STATION_MAX_AGE_SECONDS * 1000), userAgent: meta.userAgent?.slice(0, 500) || null, ip: meta.ip?.slice(0, 100) || null },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "station.open", entityType: "Station", entityId: id, payload: { name: s.name, stationSessionId: session.id } });
    return { result: { station: await view(tx, id), token }, events: ended.length ? [sessionsEnded(ended)] : [] };
  });
}

async function endOperatorSessions(tx: Tx, stationSessionIds: string[]): Promise<string[]> {
  if (!stationSessionIds.length) return [];
  const rows = await tx.userSession.updateManyAndReturn({ where: { stationSessionId: { in: stationSessionIds }, revokedAt: null }, data: { revokedAt: new Date() }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Signs every tablet of a station out (and the operators identified on them); returns how many tablets. */
export async function revokeStation(id: string, actor: Actor): Promise<Outcome<{ ended: number }>> {
  return withTx(async (tx) => {
    const s = await tx.station.findUnique({ where: { id }, select: { id: true, name: true } });
    if (!s) throw notFound("Station");
    const rows = await tx.stationSession.updateManyAndReturn({ where: { stationId: id, revokedAt: null }, data: { revokedAt: new Date() }, select: { id: true } });
    const operators = await endOperatorSessions(tx, rows.map((r) => r.id));
    await writeAudit(tx, { actorId: actor.id, action: "station.revoke", entityType: "Station", entityId: id, payload: { name: s.name, tablets: rows.length, operators: operators.length } });
    return { result: { ended: rows.length }, events: operators.length ? [sessionsEnded(operators)] : [] };
  });
}
