import { permissionsOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/api";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: {
    permission: "authenticated",
    handler: async ({ user }) => {
      // The session id stays on the server: the browser has no use for it.
      const shown: SessionUser = { id: user.id, email: user.email, name: user.name, role: user.role };
      return { user: shown, permissions: permissionsOf(user.role) };
    },
  },
});
