// One's own station PIN (docs/stations.md): 4–8 digits, set or cleared with one's password, kept as a
// bcrypt hash like passwords. A new PIN leaves the throttle's counters as they are.
import { hashPassword, verifyPassword } from "../auth/password";
import { writeAudit } from "../audit/write";
import { prisma } from "../db/client";
import { withTx } from "../db/tx";
import { badRequest } from "../errors";
import type { SetPinInput } from "./schemas";

async function assertPassword(userId: string, password: string): Promise<void> {
  const u = await prisma().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(password, u?.passwordHash))) throw badRequest("currentPassword: that is not your password.", [{ path: "currentPassword", message: "is not your password" }]);
}

/** Whether a user has a PIN (the PIN itself is never shown). */
export async function pinStatus(userId: string): Promise<{ hasPin: boolean; hasBadge: boolean }> {
  const u = await prisma().user.findUniqueOrThrow({ where: { id: userId }, select: { pinHash: true, badgeHash: true } });
  return { hasPin: u.pinHash !== null, hasBadge: u.badgeHash !== null };
}

/** Sets one's own PIN after checking one's password. */
export async function setPin(userId: string, input: SetPinInput): Promise<{ hasPin: true }> {
  await assertPassword(userId, input.currentPassword);
  const pinHash = await hashPassword(input.pin);
  await withTx(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { pinHash } });
    await writeAudit(tx, { actorId: userId, action: "user.pin.set", entityType: "User", entityId: userId });
  });
  return { hasPin: true };
}

/** Removes one's own PIN (after checking one's password): the person no longer appears on stations' PIN pads. */
export async function clearPin(userId: string, currentPassword: string): Promise<{ hasPin: false }> {
  await assertPassword(userId, currentPassword);
  await withTx(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { pinHash: null } });
    await writeAudit(tx, { actorId: userId, action: "user.pin.clear", entityType: "User", entityId: userId });
  });
  return { hasPin: false };
}
