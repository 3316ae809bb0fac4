import { randomBytes } from "node:crypto";
import type { MatrixEntry } from "./types";

const ALL = ["ADMIN", "MANAGER", "OPERATOR", "INVENTORY", "SALES", "VIEWER"] as const;

export const entries: MatrixEntry[] = [
  // Everyone lists their own tokens; only an ADMIN makes them (for anyone).
  { route: "/api/tokens", method: "GET", path: () => "/api/tokens", allowed: [...ALL] },
  { route: "/api/tokens", method: "POST", path: () => "/api/tokens", body: (fx) => ({ name: `Matrix ${fx.unique}`, userId: fx.users.VIEWER }), allowed: ["ADMIN"] },
  {
    route: "/api/tokens/[id]",
    method: "DELETE",
    // A token of the caller's own (any role may revoke its own); signed out: the VIEWER's.
    setup: async (prisma, fx, role) => ({
      id: (await prisma.apiToken.create({ data: { userId: fx.users[role ?? "VIEWER"], name: `Matrix ${fx.unique}`, prefix: "mes_matrix", hash: randomBytes(32).toString("hex") } })).id,
    }),
    path: (fx) => `/api/tokens/${fx.extra.id}`,
    allowed: [...ALL],
  },
  { route: "/api/openapi.json", method: "GET", path: () => "/api/openapi.json", allowed: [...ALL] },
];
