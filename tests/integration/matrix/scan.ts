import { DEFAULT_LOCATIONS } from "@/lib/locations/defaults";
import { locationLabelCode } from "@/lib/scan/codes";
import type { MatrixEntry } from "./types";

// Who runs work orders (wo:execute) reads what a scanned label shows and the lots a completion may name
// (docs/scanning.md); the stock roles use the stock screens instead.
const EXECUTORS = ["ADMIN", "MANAGER", "OPERATOR"] as const;

export const entries: MatrixEntry[] = [
  { route: "/api/scan/label", method: "GET", path: () => `/api/scan/label?code=${locationLabelCode(DEFAULT_LOCATIONS.STOCK)}`, allowed: [...EXECUTORS] },
  // The demo order's first WO is the demo operator's.
  { route: "/api/workorders/[id]/lots", method: "GET", path: (fx) => `/api/workorders/${fx.workOrders[0]}/lots`, allowed: [...EXECUTORS] },
];
