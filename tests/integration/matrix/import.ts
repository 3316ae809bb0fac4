import type { MatrixEntry } from "./types";

const csv = (fx: { unique: string }) => `sku,name\nMX-${fx.unique},Matrix ${fx.unique}\n`;

// The route needs import:run (ADMIN, MANAGER, INVENTORY); each kind also the permission of what it
// writes, so INVENTORY imports stock only, MANAGER everything but stock and users.
export const entries: MatrixEntry[] = [
  { route: "/api/import/[kind]/template", method: "GET", path: () => "/api/import/products/template?format=csv", allowed: ["ADMIN", "MANAGER", "INVENTORY"] },
  { route: "/api/import/[kind]", method: "POST", path: () => "/api/import/products?dryRun=1", raw: (fx) => ({ body: csv(fx), contentType: "text/csv" }), allowed: ["ADMIN", "MANAGER"] },
  { route: "/api/import/[kind]", method: "POST", path: () => "/api/import/stock?dryRun=1", raw: () => ({ body: "sku,quantity\nSTEEL-01,5\n", contentType: "text/csv" }), allowed: ["ADMIN", "INVENTORY"] },
  { route: "/api/import/[kind]", method: "POST", path: () => "/api/import/users?dryRun=1", raw: (fx) => ({ body: `email,name,role,password\nmx-${fx.unique}@example.com,Matrix,VIEWER,Welcome2026\n`, contentType: "text/csv" }), allowed: ["ADMIN"] },
];
