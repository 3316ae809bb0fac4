import { permissionsOf } from "@/lib/auth/permissions";
import type { RequestUser, SessionUser } from "@/lib/auth/session";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { apiRoute } from "@/lib/http/api";
import { setLocaleInput } from "@/lib/users/schemas";
import { setLocale } from "@/lib/users/set-locale";

export const config = { api: { bodyParser: false } };

/** GET /api/me and PATCH /api/me: the user as shown (never the session id) with their saved language. */
function me(user: SessionUser, locale: Locale | null) {
  // The session id stays on the server: the browser has no use for it.
  const shown: SessionUser & { locale: Locale | null } = { id: user.id, email: user.email, name: user.name, role: user.role, locale };
  return { user: shown, permissions: permissionsOf(user.role) };
}

export default apiRoute({
  GET: {
    permission: "authenticated",
    handler: async ({ user }) => {
      const saved = (user as Partial<RequestUser>).locale;
      return me(user, isLocale(saved) ? saved : null);
    },
  },
  PATCH: {
    // Everyone chooses their own language; no other field of the user can be changed here.
    permission: "authenticated",
    handler: async ({ user, body }) => {
      const { locale } = setLocaleInput.parse(body);
      return me(user, (await setLocale(user.id, locale)).locale);
    },
  },
});
