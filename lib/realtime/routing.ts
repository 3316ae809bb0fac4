import { ROLES, ROLE_PERMISSIONS, type Permission } from "../auth/permissions";
import type { Db } from "../db/client";
import type { DomainEvent } from "./events";

export const userRoom = (id: string) => `user:${id}`;
export const roleRoom = (role: string) => `role:${role}`;

/** Rooms of the roles that may read every record under a permission. */
function rolesReadingAll(perm: Permission): string[] {
  return ROLES.filter((r) => ROLE_PERMISSIONS[r][perm] === "all").map(roleRoom);
}

const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);

/**
 * The rooms an event goes to, from the permission table: roles that read everything of its kind,
 * plus the individual operators whose own work orders it concerns (a WO event's payload names them; an
 * MO's are looked up when the relay delivers it).
 */
export async function roomsFor(event: DomainEvent, prisma: Db): Promise<string[]> {
  const p = event.payload;
  switch (event.name) {
    case "notification:new":
      return str(p.userId) ? [userRoom(str(p.userId)!)] : [];
    case "stock:changed":
      return rolesReadingAll("stock:read");
    case "mo:created":
    case "mo:updated":
    case "mo:materialStatus": {
      const moId = str(p.id);
      const wos = moId ? await prisma.workOrder.findMany({ where: { moId, assignedToId: { not: null } }, select: { assignedToId: true } }) : [];
      return [...rolesReadingAll("mo:read"), ...wos.map((w) => userRoom(w.assignedToId!))];
    }
    case "wo:created":
    case "wo:updated": {
      // The outbox row carries the assignee at the change (and the previous one when it changed).
      const woId = str(p.id);
      const assignee = "assignedToId" in p ? str(p.assignedToId) : woId ? (await prisma.workOrder.findUnique({ where: { id: woId }, select: { assignedToId: true } }))?.assignedToId : undefined;
      const people = [...new Set([assignee, str(p.previousAssignedToId)].filter((x): x is string => !!x))];
      return [...rolesReadingAll("wo:read"), ...people.map(userRoom)];
    }
    default:
      return [];
  }
}
