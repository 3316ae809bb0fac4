import { tokenIdParam } from "@/lib/auth/schemas";
import { revokeToken } from "@/lib/auth/tokens";
import { apiRoute } from "@/lib/http/api";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // The token's owner or an ADMIN; anyone else's token answers 404 (checked in revokeToken).
  DELETE: { permission: "authenticated", handler: async ({ query, user }) => revokeToken(tokenIdParam.parse(query).id, user) },
});
