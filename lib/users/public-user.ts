import type { Prisma } from "../db/generated/client";

/** What the API shows of a user: never the password hash. */
export const publicUser = { id: true, name: true, email: true, role: true, active: true, createdAt: true, updatedAt: true } as const satisfies Prisma.UserSelect;
export type PublicUser = Prisma.UserGetPayload<{ select: typeof publicUser }>;
