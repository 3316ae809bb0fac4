import { woActionsFor } from "@/lib/manufacturing/states";
import { sendWithKey } from "../../forms/send";
import type { WoAction, WoItem, WorkStatus } from "./types";

/** POST /api/workorders/:id/start|pause|complete (no body), with the tap's idempotency key. */
export function runWoAction(id: string, action: WoAction, idempotencyKey: string): Promise<WoItem> {
  return sendWithKey<WoItem>(`/api/workorders/${encodeURIComponent(id)}/${action}`, "POST", {}, idempotencyKey);
}

/** The actions a status allows, in the order they are offered (the state machine of lib/manufacturing/states). */
export function actionsFor(status: WorkStatus): WoAction[] {
  return woActionsFor(status);
}

/** The button word of an action for a WO in `status`. */
export function actionLabel(action: WoAction, status: WorkStatus): string {
  if (action === "start") return status === "PAUSED" ? "Resume" : "Start";
  if (action === "pause") return "Pause";
  return "Complete";
}

/** Past tense for the confirmation message after an action. */
export function actionDone(action: WoAction, before: WorkStatus): string {
  if (action === "start") return before === "PAUSED" ? "resumed" : "started";
  if (action === "pause") return "paused";
  return "completed";
}
