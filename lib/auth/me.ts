// The signed-in user as the browser sees it: GET /api/me's answer, and what the page guard puts in a
// page's props so the shell renders without waiting for that request (docs/performance.md, "Pages").
import { isLocale, type Locale } from "../i18n/config";
import { permissionsOf } from "./permissions";
import type { SessionUser } from "./session";

export interface ShownMe {
  user: SessionUser & { locale: Locale | null };
  permissions: ReturnType<typeof permissionsOf>;
}

/** The user as shown (never the session id: the browser has no use for it) with their saved language. */
export function shownMe(user: SessionUser & { locale?: string | null }, locale: string | null | undefined = user.locale): ShownMe {
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: isLocale(locale) ? locale : null },
    permissions: permissionsOf(user.role),
  };
}
