// Matrix rows for the stage board: every role reads it (operators: only orders with a WO of theirs).
import type { MatrixEntry } from "./types";

const ALL = ["ADMIN", "MANAGER", "OPERATOR", "INVENTORY", "SALES", "VIEWER"] as const;

export const entries: MatrixEntry[] = [{ route: "/api/mos/board", method: "GET", path: () => "/api/mos/board?groupBy=workCenter", allowed: [...ALL] }];
