import { prisma } from "../db/client";
import { notFound } from "../errors";
import type { Locale } from "../i18n/config";

/**
 * Saves a person's language (null: follow the browser). A personal preference, like a theme: not
 * audited, and it changes nothing anyone else sees; the next page they load is in the new language.
 */
export async function setLocale(userId: string, locale: Locale | null): Promise<{ locale: Locale | null }> {
  const { count } = await prisma().user.updateMany({ where: { id: userId }, data: { locale } });
  if (count === 0) throw notFound("User");
  return { locale };
}
