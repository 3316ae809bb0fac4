// The stage board as the screen receives it: the service's own result type through Jsonify, so a
// changed service breaks the build here (type import only: no server code reaches the browser).
import type { getBoard } from "@/lib/manufacturing/board";
import type { JsonResult } from "@/types/json";

/** GET /api/mos/board. */
export type StageBoardData = JsonResult<typeof getBoard>;
export type StageColumn = StageBoardData["columns"][number];
export type StageCard = StageColumn["cards"][number];
