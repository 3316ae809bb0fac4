import { useTranslations } from "next-intl";
import type { Role } from "../types";

/** How a role is named on screen in the person's language ("Admin" / "Beheerder"). */
export function useRoleLabel(): (role: Role) => string {
  const t = useTranslations("users");
  return (role) => t(`roles.${role}`);
}
