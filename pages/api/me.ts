import { permissionsOf } from "@/lib/auth/permissions";
import { apiRoute } from "@/lib/http/api";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: {
    permission: "authenticated",
    handler: async ({ user }) => ({ user, permissions: permissionsOf(user.role) }),
  },
});
