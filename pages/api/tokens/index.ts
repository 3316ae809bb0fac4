import { createTokenInput, listTokensQuery } from "@/lib/auth/schemas";
import { createToken, listTokens } from "@/lib/auth/tokens";
import { apiRoute, reply } from "@/lib/http/api";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // Anyone lists their own tokens; `?userId=` of someone else needs users:manage (checked in listTokens).
  GET: { permission: "authenticated", handler: async ({ query, user }) => listTokens(listTokensQuery.parse(query), user) },
  POST: {
    permission: "users:manage",
    handler: async ({ body, user }) => reply(await createToken(createTokenInput.parse(body), user), { status: 201 }),
  },
});
