// The words the planning screens use for states, priorities and order fields (numbers and dates: components/format.ts).
import type { OrderState, Priority, WorkStatus } from "./types";

export const STATE_LABELS: Record<OrderState, string> = {
  PLANNED: "Planned",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  CANCELED: "Canceled",
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  LOW: "Low",
  NORMAL: "Normal",
  HIGH: "High",
  URGENT: "Urgent",
};

export const STATUS_LABELS: Record<WorkStatus, string> = {
  PENDING: "Pending",
  STARTED: "Started",
  PAUSED: "Paused",
  COMPLETED: "Completed",
};

/** The labels of an order's fields, for the create and edit forms and their messages. */
export const MO_FIELD_LABELS = {
  product: "Product",
  name: "Order name",
  quantity: "Quantity",
  deadline: "Deadline",
  priority: "Priority",
  customerName: "Customer name",
  customerRef: "Customer reference",
  promisedDate: "Promised date",
  notes: "Notes",
} as const;
