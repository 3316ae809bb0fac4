import type { Actor } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import { writeAudit } from "../audit/write";
import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { withTx } from "../db/tx";
import { conflict, notFound } from "../errors";
import { pageArgs, type Page } from "../validation/paging";
import type { Outcome } from "../realtime/events";
import type { CreateUserInput, ListUsersQuery, UpdateUserInput } from "./schemas";

/** What the API shows of a user: never the password hash. */
export const publicUser = { id: true, name: true, email: true, role: true, active: true, createdAt: true, updatedAt: true } as const satisfies Prisma.UserSelect;
export type PublicUser = Prisma.UserGetPayload<{ select: typeof publicUser }>;

/** Lists users with optional text/role/active filters. */
export async function listUsers(q: ListUsersQuery): Promise<Page<PublicUser>> {
  const where: Prisma.UserWhereInput = {
    ...(q.role ? { role: q.role } : {}),
    ...(q.active !== undefined ? { active: q.active } : {}),
    ...(q.q ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { email: { contains: q.q, mode: "insensitive" } }] } : {}),
  };
  const [items, total] = await Promise.all([
    prisma().user.findMany({ where, select: publicUser, orderBy: [{ name: "asc" }, { id: "asc" }], ...pageArgs(q) }),
    prisma().user.count({ where }),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One user, or 404. */
export async function getUser(id: string): Promise<PublicUser> {
  const user = await prisma().user.findUnique({ where: { id }, select: publicUser });
  if (!user) throw notFound("User");
  return user;
}

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

/**
 * Changes name, email, role, active flag or password. The last active admin can be neither demoted
 * nor deactivated: active admins are locked first, so two admins demoting each other at once
 * cannot both succeed.
 */
export async function updateUser(id: string, input: UpdateUserInput, actor: Actor): Promise<Outcome<PublicUser>> {
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
    if (passwordHash) changes.password = "reset";
    await writeAudit(tx, { actorId: actor.id, action: "user.update", entityType: "User", entityId: id, payload: changes as Prisma.InputJsonObject });
    // Open sockets follow at once: dropped on deactivation, moved to the new role's room on a role change.
    const events = changes.role || changes.active ? [{ name: "user:changed" as const, payload: { userId: id, role: user.role, active: user.active } }] : [];
    return { result: user, events };
  });
}

/** People work orders can be assigned to (active operators, managers, admins), for planners. */
export async function listAssignable(): Promise<{ items: { id: string; name: string; role: string }[] }> {
  const items = await prisma().user.findMany({
    where: { active: true, role: { in: ["OPERATOR", "MANAGER", "ADMIN"] } },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
  });
  return { items };
}
