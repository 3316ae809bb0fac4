import { woActionsFor } from "@/lib/manufacturing/states";
import { sendWithKey } from "../../forms/send";
import type { WoAction, WoItem, WorkStatus } from "./types";

/** POST /api/workorders/:id/start|pause|complete (complete: optional good / scrap), with the tap's idempotency key. */
export function runWoAction(id: string, action: WoAction, idempotencyKey: string, body: object = {}): Promise<WoItem> {
  return sendWithKey<WoItem>(`/api/workorders/${encodeURIComponent(id)}/${action}`, "POST", body, idempotencyKey);
}

/** The actions a status allows, in the order they are offered (the state machine of lib/manufacturing/states). */
export function actionsFor(status: WorkStatus): WoAction[] {
  return woActionsFor(status);
}

/** What an action means for a WO in `status` ("start" of a paused one resumes it): the key of its words (workorders.actions.*). */
export type ActionWord = "start" | "resume" | "pause" | "complete";

/** The word key of an action for a WO in `status`. */
export function actionWord(action: WoAction, status: WorkStatus): ActionWord {
  if (action === "start") return status === "PAUSED" ? "resume" : "start";
  return action;
}
