import type { MatrixEntry } from "./types";

const ALL = ["ADMIN", "MANAGER", "OPERATOR", "INVENTORY", "SALES", "VIEWER"] as const;

export const entries: MatrixEntry[] = [
  { route: "/api/health", method: "GET", path: () => "/api/health", allowed: [...ALL], public: true },
  { route: "/api/me", method: "GET", path: () => "/api/me", allowed: [...ALL] },
  { route: "/api/me", method: "PATCH", path: () => "/api/me", body: () => ({ locale: null }), allowed: [...ALL] },
  { route: "/api/users", method: "GET", path: () => "/api/users", allowed: ["ADMIN"] },
  {
    route: "/api/users",
    method: "POST",
    path: () => "/api/users",
    body: (fx) => ({ name: "Matrix User", email: `matrix-${fx.unique}@example.com`, role: "VIEWER", password: "Matrix-pass-1" }),
    allowed: ["ADMIN"],
  },
  { route: "/api/users/[id]", method: "GET", path: (fx) => `/api/users/${fx.users.VIEWER}`, allowed: ["ADMIN"] },
  { route: "/api/users/[id]", method: "PATCH", path: (fx) => `/api/users/${fx.users.VIEWER}`, body: (fx) => ({ name: `Vic ${fx.unique}` }), allowed: ["ADMIN"] },
];

entries.push({ route: "/api/users/assignable", method: "GET", path: () => "/api/users/assignable", allowed: ["ADMIN", "MANAGER"] });
entries.push({
  route: "/api/users/[id]/sessions",
  method: "DELETE",
  // A user made for each call: ending a demo user's sessions would sign out the matrix's own clients.
  setup: async (prisma, fx) => ({ id: (await prisma.user.create({ data: { name: `Ended ${fx.unique}`, email: `ended-${fx.unique}@example.com`, role: "VIEWER" } })).id }),
  path: (fx) => `/api/users/${fx.extra.id}/sessions`,
  allowed: ["ADMIN"],
});
