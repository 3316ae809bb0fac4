// JSON shapes of the manufacturing API as the planning screens read them (see lib/manufacturing/views.ts
// and mo-read.ts: Decimals arrive as numbers, dates as ISO strings).
import type { CommentKind, OrderState, Priority, WorkStatus } from "@/lib/db/generated/enums";

export type { CommentKind, OrderState, Priority, WorkStatus };

export const ORDER_STATES: readonly OrderState[] = ["PLANNED", "IN_PROGRESS", "DONE", "CANCELED"];
export const PRIORITIES: readonly Priority[] = ["LOW", "NORMAL", "HIGH", "URGENT"];
export const WORK_STATUSES: readonly WorkStatus[] = ["PENDING", "STARTED", "PAUSED", "COMPLETED"];

export interface PersonRef {
  id: string;
  name: string;
}

export interface ProductRef {
  id: string;
  sku: string;
  name: string;
  uom: string;
}

export interface Progress {
  completed: number;
  total: number;
}

export interface MoListItem {
  id: string;
  orderNo: string;
  name: string;
  productId: string;
  quantity: number;
  producedQty: number | null;
  state: OrderState;
  priority: Priority;
  deadline: string | null;
  customerName: string | null;
  customerRef: string | null;
  promisedDate: string | null;
  notes: string | null;
  createdById: string;
  startedAt: string | null;
  completedAt: string | null;
  canceledAt: string | null;
  createdAt: string;
  updatedAt: string;
  product: ProductRef;
  progress: Progress;
  late: boolean;
}

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
  durationMin: number | null;
  plannedMin: number | null;
  createdAt: string;
  updatedAt: string;
  assignee: PersonRef | null;
  workCenter: { id: string; name: string } | null;
  mo: { id: string; orderNo: string; name: string; state: OrderState };
}

export interface MaterialRequirement {
  materialId: string;
  sku: string;
  name: string;
  uom: string;
  qtyPerUnit: number;
  required: number;
  onHand: number;
  shortBy: number;
  short: boolean;
}

export interface MoDetail extends MoListItem {
  createdBy: PersonRef;
  workOrders: Omit<WoItem, "mo">[];
  materials: MaterialRequirement[];
  shortages: number;
}

export interface WoComment {
  id: string;
  workOrderId: string;
  content: string;
  kind: CommentKind;
  createdAt: string;
  author: PersonRef;
}

export interface AuditEntry {
  id: number | string;
  action: string;
  entityType: string;
  entityId: string;
  payload: unknown;
  createdAt: string;
  actorId: string | null;
  actor: { id: string; name: string; email: string } | null;
}

/** One line of a 409 INSUFFICIENT_STOCK's `details.shortages`. */
export interface Shortage {
  productId?: string;
  sku: string;
  name: string;
  uom: string;
  onHand: number;
  required: number;
  shortBy: number;
}
