// How planning screens write quantities, dates and states.
import type { OrderState, Priority, WorkStatus } from "./types";

const qtyFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** 1,234.5 (up to the 4 decimals the database keeps), with the unit when given. */
export function formatQty(n: number | null | undefined, uom?: string): string {
  if (n === null || n === undefined) return "—";
  return uom ? `${qtyFormat.format(n)} ${uom}` : qtyFormat.format(n);
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat.format(new Date(iso)) : "—";
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : "—";
}

/** Minutes as "2 h 30 min". */
export function formatMinutes(min: number | null | undefined): string {
  if (min === null || min === undefined) return "—";
  const total = Math.round(min);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * A deadline picked as a calendar day means "by the end of that day" where the planner is, so it
 * is sent as 23:59:59 local time (a bare date would be midnight UTC and count as late all that day).
 */
export function endOfLocalDayIso(day: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59).toISOString();
}

/** The local calendar day of an ISO instant, as a date input's value (YYYY-MM-DD). */
export function localDayOf(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

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

/** Whether an MO can still change (DONE and CANCELED are final): the rule of lib/manufacturing/states. */
export { isOpen } from "@/lib/manufacturing/states";

/** A number typed into a form, or null when the field is empty or not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
