import { woActionsFor } from "@/lib/manufacturing/states";
import { sendOrQueue, type Sent } from "../../offline/sync";
import type { WoAction, WoItem, WorkStatus } from "./types";

/**
 * POST /api/workorders/:id/start|pause|complete (complete: optional good / scrap; pause: the reason),
 * with the tap's idempotency key and its device time; without a network it is kept on the tablet and
 * replayed later (components/offline/sync.ts).
 */
export function runWoAction(
  wo: { id: string; code: string; status: WorkStatus },
  action: WoAction,
  idempotencyKey: string,
  body: Record<string, unknown> = {},
  userId: string | undefined,
): Promise<Sent<WoItem>> {
  return sendOrQueue<WoItem>({
    kind: actionWord(action, wo.status),
    wo,
    url: `/api/workorders/${encodeURIComponent(wo.id)}/${action}`,
    body,
    key: idempotencyKey,
    userId,
  });
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
