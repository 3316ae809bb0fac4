// The work order API as the screens receive it (GET /api/workorders, GET /api/workorders/:id, the
// comments route): the services' result types through Jsonify (`import type` only).
import type { CommentKind, WorkStatus } from "@/lib/db/generated/enums";
import type { WoDetail as WoDetailRow } from "@/lib/manufacturing/wo-read";
import type { Jsonify } from "@/types/json";

export type { CommentKind, WorkStatus };

// One definition of the list item and person reference, shared with the planning screens.
import type { PersonRef, WoItem } from "../../mos/types";
export type { PersonRef, WoItem };

/** GET /api/workorders/:id (by id or by code). */
export type WoDetail = Jsonify<WoDetailRow>;
/** A time log of the WO; endedAt is null while the WO is running on it. */
export type TimeLog = WoDetail["timeLogs"][number];
export type WoComment = WoDetail["comments"][number];
/** One material the WO's MO consumes: MO snapshot line × MO quantity. */
export type WoPart = WoDetail["parts"][number];

/** The actions a work order offers (the state machine's own type). */
export type { WoAction } from "@/lib/manufacturing/states";
