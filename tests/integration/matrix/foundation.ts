import type { MatrixEntry } from "./types";

const ALL = ["ADMIN", "MANAGER", "OPERATOR", "INVENTORY", "SALES", "VIEWER"] as const;

export const entries: MatrixEntry[] = [
  { route: "/api/health", method: "GET", path: () => "/api/health", allowed: [...ALL], public: true },
  { route: "/api/me", method: "GET", path: () => "/api/me", allowed: [...ALL] },
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
