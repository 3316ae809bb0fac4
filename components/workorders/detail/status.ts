import type { WorkStatus } from "./types";

/**
 * How a WO status is coloured on the shop floor; its word (workorders.pill.*, e.g. "To do") always
 * carries the meaning, colour only helps.
 */
export const STATUS: Record<WorkStatus, { pill: string; dot: string }> = {
  PENDING: { pill: "bg-neutral-100 text-neutral-800 ring-neutral-500/30", dot: "bg-neutral-500" },
  STARTED: { pill: "bg-blue-50 text-blue-900 ring-blue-700/30", dot: "bg-blue-600" },
  PAUSED: { pill: "bg-amber-50 text-amber-900 ring-amber-700/30", dot: "bg-amber-500" },
  COMPLETED: { pill: "bg-green-50 text-green-900 ring-green-700/30", dot: "bg-green-600" },
};
