import type { Actor } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import { writeAudit } from "../audit/write";
import { withTx } from "../db/tx";
import { conflict } from "../errors";
import { publicUser, type PublicUser } from "./public-user";
import type { CreateUserInput } from "./schemas";

/** Creates a user (email unique, case-insensitively). */
export async function createUser(input: CreateUserInput, actor: Actor): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  return withTx(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw conflict("A user with this email already exists.");
    const user = await tx.user.create({ data: { name: input.name, email: input.email, role: input.role, active: input.active, passwordHash }, select: publicUser });
    await writeAudit(tx, { actorId: actor.id, action: "user.create", entityType: "User", entityId: user.id, payload: { email: user.email, role: user.role, active: user.active } });
    return user;
  });
}
