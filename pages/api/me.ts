import { shownMe } from "@/lib/auth/me";
import { apiRoute } from "@/lib/http/api";
import { setLocaleInput } from "@/lib/users/schemas";
import { setLocale } from "@/lib/users/set-locale";

export const config = { api: { bodyParser: false } };

/** GET /api/me and PATCH /api/me: the user as shown (lib/auth/me.ts), the same the page guard hands to a page. */
export default apiRoute({
  GET: {
    permission: "authenticated",
    handler: async ({ user }) => {
      return shownMe(user);
    },
  },
  PATCH: {
    // Everyone chooses their own language; no other field of the user can be changed here.
    permission: "authenticated",
    handler: async ({ user, body }) => {
      const { locale } = setLocaleInput.parse(body);
      return shownMe(user, (await setLocale(user.id, locale)).locale);
    },
  },
});
