// The realtime events of manufacturing: ids and states only (clients refetch through the API).
import type { OrderState, WorkStatus } from "../db/generated/enums";
import type { DomainEvent } from "../realtime/events";

/** mo:created / mo:updated for an MO. */
export function moEvent(name: "mo:created" | "mo:updated", mo: { id: string; state: OrderState }): DomainEvent {
  return { name, payload: { id: mo.id, state: mo.state } };
}

/** wo:created / wo:updated for a WO. */
export function woEvent(name: "wo:created" | "wo:updated", wo: { id: string; status: WorkStatus; moId: string }): DomainEvent {
  return { name, payload: { id: wo.id, status: wo.status, moId: wo.moId } };
}
