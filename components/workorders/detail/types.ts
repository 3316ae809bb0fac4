// JSON shapes of the work order API as the screens receive them (GET /api/workorders,
// GET /api/workorders/:id, the comments route). Decimals arrive as numbers, dates as ISO strings.
import type { CommentKind, OrderState, Priority, WorkStatus } from "@/lib/db/generated/enums";

export type { CommentKind, WorkStatus };

export interface PersonRef {
  id: string;
  name: string;
}

/** A work order as lists and transitions return it. */
export interface WoItem {
  id: string;
  code: string;
  moId: string;
  sequence: number;
  title: string;
  description: string | null;
  status: WorkStatus;
  assignedToId: string | null;
  workCenterId: string | null;
  startTime: string | null;
  endTime: string | null;
  /** Worked minutes, pauses excluded; set when the WO completes. */
  durationMin: number | null;
  plannedMin: number | null;
  createdAt: string;
  updatedAt: string;
  assignee: PersonRef | null;
  workCenter: { id: string; name: string } | null;
  mo: { id: string; orderNo: string; name: string; state: OrderState };
}

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
