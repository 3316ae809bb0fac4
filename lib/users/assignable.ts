import { prisma } from "../db/client";
import type { UserRole } from "../db/generated/enums";

/** People work orders can be assigned to (active operators, managers, admins), for planners. */
export async function listAssignable(): Promise<{ items: { id: string; name: string; role: UserRole }[] }> {
  const items = await prisma().user.findMany({
    where: { active: true, role: { in: ["OPERATOR", "MANAGER", "ADMIN"] } },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
  });
  return { items };
}
