import type { Actor } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import { endUserSessions, sessionsEnded } from "../auth/sessions";
import { writeAudit } from "../audit/write";
import type { Prisma } from "../db/generated/client";
import { withTx } from "../db/tx";
import { conflict, notFound } from "../errors";
import type { DomainEvent, Outcome } from "../realtime/events";
import { publicUser, type PublicUser } from "./public-user";
import type { UpdateUserInput } from "./schemas";

/**
 * Changes name, email, role, active flag or password. The last active admin can be neither demoted
 * nor deactivated: active admins are locked first, so two admins demoting each other at once
 * cannot both succeed. A new password ends every session of the user, in the same transaction;
 * when people set their own password, the session they did it from stays (`actorSessionId`).
 */
export async function updateUser(id: string, input: UpdateUserInput, actor: Actor, actorSessionId?: string): Promise<Outcome<PublicUser>> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return withTx(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "active" ORDER BY "id" FOR UPDATE`;
    const before = await tx.user.findUnique({ where: { id }, select: publicUser });
    if (!before) throw notFound("User");
    const losesAdmin = before.role === "ADMIN" && before.active && ((input.role && input.role !== "ADMIN") || input.active === false);
    if (losesAdmin && admins.length <= 1) throw conflict("This is the last active admin: make another user an admin first.");
    if (input.email && input.email !== before.email && (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))) {
      throw conflict("A user with this email already exists.");
    }
    const user = await tx.user.update({
      where: { id },
      data: { name: input.name, email: input.email, role: input.role, active: input.active, ...(passwordHash ? { passwordHash } : {}) },
      select: publicUser,
    });
    const changes: Record<string, unknown> = {};
    for (const k of ["name", "email", "role", "active"] as const) {
      if (input[k] !== undefined && input[k] !== before[k]) changes[k] = { from: before[k], to: input[k] };
    }
    let ended: string[] = [];
    if (passwordHash) {
      changes.password = "reset";
      // Whoever knew the old password must not keep a way in.
      ended = await endUserSessions(id, { tx, keep: id === actor.id ? actorSessionId : undefined });
      changes.sessionsEnded = ended.length;
    }
    await writeAudit(tx, { actorId: actor.id, action: "user.update", entityType: "User", entityId: id, payload: changes as Prisma.InputJsonObject });
    // Open sockets follow at once: dropped on deactivation, moved to the new role's room on a role change.
    const events: DomainEvent[] = changes.role || changes.active ? [{ name: "user:changed", payload: { userId: id, role: user.role, active: user.active } }] : [];
    // ...and the sockets of ended sessions close.
    if (ended.length) events.push(sessionsEnded(ended));
    return { result: user, events };
  });
}
