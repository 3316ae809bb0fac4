// Domain events: services return them, the API layer publishes them after the commit through the
// transport server.ts installs with setPublisher (Socket.IO, lib/realtime/server.ts).

/** Events pushed to browsers. */
export type ClientEventName = "mo:created" | "mo:updated" | "wo:created" | "wo:updated" | "stock:changed" | "notification:new";
/**
 * Internal: a user's role or active flag changed, so their open sockets must move rooms or close;
 * sessions ended (sign-out, password reset, "end all sessions"), so the sockets opened with them close.
 */
export type ControlEventName = "user:changed" | "sessions:ended";
export type EventName = ClientEventName | ControlEventName;
export const CLIENT_EVENTS: readonly ClientEventName[] = ["mo:created", "mo:updated", "wo:created", "wo:updated", "stock:changed", "notification:new"];

export interface DomainEvent {
  name: EventName;
  /** Ids and states only: clients refetch through the API, where access is enforced. */
  payload: Record<string, unknown>;
}

export interface Outcome<T> {
  result: T;
  events: DomainEvent[];
}

type Publisher = (events: DomainEvent[]) => void | Promise<void>;
const g = globalThis as unknown as { __mesPublisher?: Publisher };

/** Installs the transport (server.ts); shared through globalThis with Next's bundles. */
export function setPublisher(p: Publisher | undefined): void {
  g.__mesPublisher = p;
}

/** Publishes committed events; never throws into the request that made the change. */
export async function publish(events: DomainEvent[]): Promise<void> {
  if (!events.length || !g.__mesPublisher) return;
  try {
    await g.__mesPublisher(events);
  } catch (err) {
    console.error("[realtime] publish failed", err);
  }
}
