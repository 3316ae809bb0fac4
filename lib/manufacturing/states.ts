// The state machines of manufacturing and work orders (docs/domain.md): the one home of these rules,
// used by the services that enforce them and the screens that offer them. Safe to import in the
// browser (types only from the generated client, no runtime server imports).
import type { OrderState, WorkStatus } from "../db/generated/enums";

/** What a person can do to a work order from a tablet: resume is "start" of a PAUSED WO. */
export type WoAction = "start" | "pause" | "complete";

/** The status each action leads to. */
export const WO_TARGET: Readonly<Record<WoAction, WorkStatus>> = { start: "STARTED", pause: "PAUSED", complete: "COMPLETED" };

/** WO transitions: the statuses each action may leave from (repeating the target is a no-op, not listed). */
const WO_FROM: Readonly<Record<WoAction, readonly WorkStatus[]>> = {
  start: ["PENDING", "PAUSED"],
  pause: ["STARTED"],
  complete: ["STARTED", "PAUSED"],
};

/** The order in which screens offer the actions. */
const WO_ACTION_ORDER: readonly WoAction[] = ["start", "pause", "complete"];

/** DONE and CANCELED are final: the MO and its work orders can no longer change. */
export function isClosed(state: OrderState): boolean {
  return state === "DONE" || state === "CANCELED";
}

/** PLANNED or IN_PROGRESS: the MO can still change. */
export function isOpen(state: OrderState): boolean {
  return !isClosed(state);
}

/** Whether `action` moves a WO out of `status` (false for a repeat of the status it is in). */
export function canWo(action: WoAction, status: WorkStatus): boolean {
  return WO_FROM[action].includes(status);
}

/**
 * The actions a WO in `status` offers, in screen order: PENDING → start; STARTED → pause, complete;
 * PAUSED → start (resume), complete; COMPLETED → none.
 */
export function woActionsFor(status: WorkStatus): WoAction[] {
  return WO_ACTION_ORDER.filter((a) => canWo(a, status));
}

/** Why an action is refused, as a hint for the person (empty when there is nothing useful to say). */
export function woRefusalHint(action: WoAction, status: WorkStatus): string {
  return action !== "start" && status === "PENDING" ? "start it first" : "";
}

/** A WO can start (or resume) only while its MO is open. */
export function woCanStartIn(moState: OrderState): boolean {
  return isOpen(moState);
}

/** A STARTED WO cannot change hands: its open time log belongs to whoever is working. */
export function woCanReassign(status: WorkStatus): boolean {
  return status !== "STARTED";
}

/** MO transitions by hand or by its work orders. */
export type MoAction = "start" | "cancel" | "complete";

/** The state each MO action leads to. */
export const MO_TARGET: Readonly<Record<MoAction, OrderState>> = { start: "IN_PROGRESS", cancel: "CANCELED", complete: "DONE" };

const MO_FROM: Readonly<Record<MoAction, readonly OrderState[]>> = {
  // The first WO start moves a PLANNED MO to IN_PROGRESS.
  start: ["PLANNED"],
  cancel: ["PLANNED", "IN_PROGRESS"],
  complete: ["PLANNED", "IN_PROGRESS"],
};

/** Whether `action` moves an MO out of `state` (false for a repeat of the state it is in). */
export function canMo(action: MoAction, state: OrderState): boolean {
  return MO_FROM[action].includes(state);
}

/** The states an MO action may leave from (for conditional updates: `state: { in: moFrom("cancel") }`). */
export function moFrom(action: MoAction): OrderState[] {
  return [...MO_FROM[action]];
}

/** Product and quantity (and so the BOM snapshot) change only while the MO is PLANNED. */
export function moCanReshape(state: OrderState): boolean {
  return state === "PLANNED";
}
