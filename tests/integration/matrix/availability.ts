// Matrix rows for the MO creation preview (ranked availability of a draft): who may create orders.
import type { MatrixEntry } from "./types";

export const entries: MatrixEntry[] = [
  { route: "/api/mos/availability", method: "GET", path: (fx) => `/api/mos/availability?productId=${fx.products.table}&quantity=2`, allowed: ["ADMIN", "MANAGER"] },
];
