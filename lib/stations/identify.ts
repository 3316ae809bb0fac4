// Operators on a station (docs/stations.md): identify by PIN (after tapping one's name) or badge,
// throttled per operator and per station like passwords (lib/auth/rate-limit.ts: counted first, in
// one atomic statement, so parallel guesses get exactly the limit checked); a success starts a short
// session bound to the station, and its expiry slides with every action (idle drop).
import { createHash } from "node:crypto";
import { can } from "../auth/permissions";
import { verifyPassword } from "../auth/password";
import { hit, refund } from "../auth/rate-limit";
import { sessionsEnded } from "../auth/sessions";
import type { StationDevice } from "../auth/station-session";
import { writeAudit } from "../audit/write";
import type { UserRole } from "../db/generated/enums";
import { prisma } from "../db/client";
import { withTx } from "../db/tx";
import { env } from "../env";
import type { DomainEvent } from "../realtime/events";
import type { IdentifyInput } from "./schemas";

export interface StationOperator {
  id: string;
  name: string;
  email: string;
  role: UserRole;
}

export type IdentifyResult =
  | { kind: "ok"; operator: StationOperator; sessionId: string; expiresAt: Date; events: DomainEvent[] }
  | { kind: "wrong" }
  | { kind: "throttled"; retryAfter: number };

const pinUserKey = (userId: string) => `station:pin:user:${userId}`;
const stationKey = (stationId: string) => `station:identify:${stationId}`;

/** The SHA-256 (hex) under which a badge code is kept (User.badgeHash). */
export const badgeHash = (code: string) => createHash("sha256").update(code.trim().toUpperCase()).digest("hex");

const operatorSelect = { id: true, name: true, email: true, role: true, active: true, pinHash: true } as const;

/**
 * Identifies an operator on a station. Wrong PIN, unknown badge, a deactivated account or a role that
 * cannot run work orders → "wrong" (one answer for all, so a guess learns nothing); over the limit →
 * "throttled" without checking anything. `previousSessionId`: the operator this browser had, ended (switch).
 */
export async function identifyOperator(
  device: StationDevice,
  input: IdentifyInput,
  meta: { previousSessionId?: string; userAgent?: string; ip?: string },
): Promise<IdentifyResult> {
  const e = env();
  const w = e.LOGIN_WINDOW_SECONDS;
  let user: (StationOperator & { active: boolean; pinHash: string | null }) | null;
  const keys: string[] = [stationKey(device.stationId)];
  if ("pin" in input) {
    keys.push(pinUserKey(input.operatorId));
    const [byStation, byUser] = await Promise.all([hit(keys[0]!, w), hit(keys[1]!, w)]);
    const waits = [byStation.count > e.LOGIN_MAX_FAILURES_PER_IP ? byStation.retryAfter : 0, byUser.count > e.LOGIN_MAX_FAILURES_PER_EMAIL ? byUser.retryAfter : 0];
    if (Math.max(...waits) > 0) return { kind: "throttled", retryAfter: Math.max(...waits) };
    user = await prisma().user.findUnique({ where: { id: input.operatorId }, select: operatorSelect });
    // A missing user or PIN still costs one bcrypt comparison (verifyPassword's dummy hash).
    if (!(await verifyPassword(input.pin, user?.pinHash))) user = null;
  } else {
    const byStation = await hit(keys[0]!, w);
    if (byStation.count > e.LOGIN_MAX_FAILURES_PER_IP) return { kind: "throttled", retryAfter: byStation.retryAfter };
    user = await prisma().user.findUnique({ where: { badgeHash: badgeHash(input.badge) }, select: operatorSelect });
  }
  if (!user || !user.active || !can(user, "wo:execute")) return { kind: "wrong" };
  await Promise.all(keys.map((k) => refund(k)));

  const expiresAt = new Date(Date.now() + e.STATION_IDLE_MINUTES * 60_000);
  const method = "pin" in input ? "pin" : "badge";
  const operator = { id: user.id, name: user.name, email: user.email, role: user.role };
  return withTx(async (tx) => {
    const ended = meta.previousSessionId
      ? (await tx.userSession.updateManyAndReturn({ where: { id: meta.previousSessionId, stationSessionId: device.stationSessionId, revokedAt: null }, data: { revokedAt: new Date() }, select: { id: true } })).map((r) => r.id)
      : [];
    const session = await tx.userSession.create({
      data: { userId: operator.id, expiresAt, stationSessionId: device.stationSessionId, userAgent: meta.userAgent?.slice(0, 500) || null, ip: meta.ip?.slice(0, 100) || null },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: operator.id, action: "station.identify", entityType: "Station", entityId: device.stationId, payload: { station: device.name, method } });
    return { kind: "ok" as const, operator, sessionId: session.id, expiresAt, events: ended.length ? [sessionsEnded(ended)] : [] };
  });
}

/** Signs the operator out of the station (the station stays signed in). Ending an ended session changes nothing. */
export async function releaseOperator(device: StationDevice, operator: { id: string; sessionId: string }): Promise<DomainEvent[]> {
  return withTx(async (tx) => {
    const rows = await tx.userSession.updateManyAndReturn({ where: { id: operator.sessionId, stationSessionId: device.stationSessionId, revokedAt: null }, data: { revokedAt: new Date() }, select: { id: true } });
    if (rows.length) await writeAudit(tx, { actorId: operator.id, action: "station.release", entityType: "Station", entityId: device.stationId, payload: { station: device.name } });
    return rows.length ? [sessionsEnded(rows.map((r) => r.id))] : [];
  });
}

/** The people who can identify on a station by PIN: active, allowed to run work orders, with a PIN set. */
export async function stationOperators(): Promise<{ items: { id: string; name: string }[] }> {
  const rows = await prisma().user.findMany({ where: { active: true, pinHash: { not: null } }, select: { id: true, name: true, role: true }, orderBy: { name: "asc" }, take: 500 });
  return { items: rows.filter((r) => can(r, "wo:execute")).map((r) => ({ id: r.id, name: r.name })) };
}
