// JSON shapes of the work order API as the screens receive them (GET /api/workorders,
// GET /api/workorders/:id, the comments route). Decimals arrive as numbers, dates as ISO strings.
import type { CommentKind, OrderState, Priority, WorkStatus } from "@/lib/db/generated/enums";

export type { CommentKind, WorkStatus };

// One definition of the list item and person reference, shared with the planning screens.
import type { PersonRef, WoItem } from "../../mos/types";
export type { PersonRef, WoItem };

export interface TimeLog {
  id: string;
  userId: string;
  startedAt: string;
  /** null while the WO is running on this log. */
  endedAt: string | null;
  user: PersonRef;
}

export interface WoComment {
  id: string;
  content: string;
  kind: CommentKind;
  createdAt: string;
  author: PersonRef;
}

/** One material the WO's MO consumes: MO snapshot line × MO quantity. */
export interface WoPart {
  materialId: string;
  sku: string;
  name: string;
  uom: string;
  qtyPerUnit: number;
  required: number;
}

/** GET /api/workorders/:id (by id or by code). */
export interface WoDetail extends Omit<WoItem, "mo"> {
  mo: {
    id: string;
    orderNo: string;
    name: string;
    state: OrderState;
    quantity: number;
    producedQty: number | null;
    priority: Priority;
    deadline: string | null;
  };
  product: { id: string; sku: string; name: string; uom: string };
  parts: WoPart[];
  timeLogs: TimeLog[];
  comments: WoComment[];
}

export type WoAction = "start" | "pause" | "complete";
