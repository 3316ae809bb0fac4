import { prisma } from "../db/client";
import { notFound } from "../errors";
import { publicUser, type PublicUser } from "./public-user";

/** One user, or 404. */
export async function getUser(id: string): Promise<PublicUser> {
  const user = await prisma().user.findUnique({ where: { id }, select: publicUser });
  if (!user) throw notFound("User");
  return user;
}
