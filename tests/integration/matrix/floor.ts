// The shop floor's routes (docs/domain.md "Shop floor"): pause reasons and the downtime / OEE figures.
import type { MatrixEntry } from "./types";

const ALL = ["ADMIN", "MANAGER", "OPERATOR", "INVENTORY", "SALES", "VIEWER"] as const;

export const entries: MatrixEntry[] = [
  { route: "/api/pause-reasons", method: "GET", path: () => "/api/pause-reasons", allowed: [...ALL] },
  {
    route: "/api/pause-reasons",
    method: "POST",
    path: () => "/api/pause-reasons",
    body: (fx) => ({ code: `M_${fx.unique.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`, name: `Matrix ${fx.unique}`, active: false }),
    allowed: ["ADMIN"],
  },
  {
    route: "/api/pause-reasons/[id]",
    method: "PATCH",
    setup: async (prisma, fx) => ({ id: (await prisma.pauseReason.create({ data: { code: `P_${fx.unique.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`, name: "Matrix", active: false } })).id }),
    path: (fx) => `/api/pause-reasons/${fx.extra.id}`,
    body: (fx) => ({ name: `Matrix ${fx.unique}` }),
    allowed: ["ADMIN"],
  },
];

entries.push({ route: "/api/reports/oee", method: "GET", path: () => "/api/reports/oee", allowed: ["ADMIN", "MANAGER", "INVENTORY", "SALES", "VIEWER"] });
