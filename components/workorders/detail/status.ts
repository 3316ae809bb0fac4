import type { WorkStatus } from "./types";

/** How a WO status is named and coloured; the text always carries the meaning, colour only helps. */
export const STATUS: Record<WorkStatus, { label: string; pill: string; dot: string }> = {
  PENDING: { label: "To do", pill: "bg-neutral-100 text-neutral-800 ring-neutral-500/30", dot: "bg-neutral-500" },
  STARTED: { label: "In progress", pill: "bg-blue-50 text-blue-900 ring-blue-700/30", dot: "bg-blue-600" },
  PAUSED: { label: "Paused", pill: "bg-amber-50 text-amber-900 ring-amber-700/30", dot: "bg-amber-500" },
  COMPLETED: { label: "Done", pill: "bg-green-50 text-green-900 ring-green-700/30", dot: "bg-green-600" },
};
