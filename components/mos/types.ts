// The manufacturing API as the planning screens receive it: each type is the service's own result
// type through Jsonify (Decimals arrive as numbers, dates as ISO strings), so a changed service breaks
// the build here. Server modules are imported as types only: none of their code reaches the browser.
import type { AuditRow } from "@/lib/audit/list";
import { OrderState, Priority, WorkStatus, type CommentKind } from "@/lib/db/generated/enums";
import type { Shortage as ShortageRow } from "@/lib/errors";
import type { MaterialRequirement as MaterialRow, MoDetail as MoDetailRow, MoListItem as MoListRow } from "@/lib/manufacturing/mo-read";
import type { Progress as ProgressRow, WoItem as WoRow } from "@/lib/manufacturing/views";
import type { listComments } from "@/lib/manufacturing/wo-comments";
import type { listAssignable } from "@/lib/users/assignable";
import type { ItemOf, JsonResult, Jsonify } from "@/types/json";

export type { CommentKind, OrderState, Priority, WorkStatus };

// Option lists of the filters and selects, in the schema's order (the generated enums are plain
// browser-safe objects): a value added to the schema appears on screen without a second list.
export const ORDER_STATES: readonly OrderState[] = Object.values(OrderState);
export const PRIORITIES: readonly Priority[] = Object.values(Priority);
export const WORK_STATUSES: readonly WorkStatus[] = Object.values(WorkStatus);

/** GET /api/workorders (and an MO's work orders, the transitions' results). */
export type WoItem = Jsonify<WoRow>;
/** A person as the work order lists name them (the assignee). */
export type PersonRef = NonNullable<WoItem["assignee"]>;
/** GET /api/users/assignable items: the people a planner may give a work order. */
export type Assignable = ItemOf<JsonResult<typeof listAssignable>>;
/** GET /api/mos items. */
export type MoListItem = Jsonify<MoListRow>;
export type ProductRef = MoListItem["product"];
export type Progress = Jsonify<ProgressRow>;
/** One line of an MO's material requirements. */
export type MaterialRequirement = Jsonify<MaterialRow>;
/** GET /api/mos/:id. */
export type MoDetail = Jsonify<MoDetailRow>;
/** GET /api/workorders/:id/comments items. */
export type WoComment = ItemOf<JsonResult<typeof listComments>>;
/** GET /api/audit items. */
export type AuditEntry = Jsonify<AuditRow>;
/** One line of a 409 INSUFFICIENT_STOCK's `details.shortages`. */
export type Shortage = Jsonify<ShortageRow>;
