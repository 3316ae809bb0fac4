// Domain events. What screens and webhooks receive comes from the database: triggers write an outbox
// row with each change and the relay (lib/outbox/relay.ts) delivers it (docs/events.md, decision 0017).
// Services still return the events of what they changed: after the commit they scope the
// material-status refresh (setAfterPublish); only sessions:ended (no table of the outbox) still goes
// out from memory, through the transport server.ts installs with setPublisher.

/** Events pushed to browsers. */
export type ClientEventName = "mo:created" | "mo:updated" | "mo:materialStatus" | "wo:created" | "wo:updated" | "stock:changed" | "notification:new";
/**
 * Internal: a user's role or active flag changed, so their open sockets must move rooms or close;
 * sessions ended (sign-out, password reset, "end all sessions"), so the sockets opened with them close.
 */
export type ControlEventName = "user:changed" | "sessions:ended";
export type EventName = ClientEventName | ControlEventName;
export const CLIENT_EVENTS: readonly ClientEventName[] = ["mo:created", "mo:updated", "mo:materialStatus", "wo:created", "wo:updated", "stock:changed", "notification:new"];
export const isClientEvent = (name: string): name is ClientEventName => (CLIENT_EVENTS as readonly string[]).includes(name);
/** The events the outbox triggers write: never published from memory. */
export const OUTBOX_TOPICS: readonly EventName[] = [...CLIENT_EVENTS, "user:changed"];
const fromOutbox = (name: EventName) => OUTBOX_TOPICS.includes(name);

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

type AfterPublish = (events: DomainEvent[]) => Promise<void> | undefined;
const h = globalThis as unknown as { __mesAfterPublish?: AfterPublish };

/**
 * Installs work that follows every publication (the material-status refresh, lib/realtime/server.ts).
 * It is started synchronously, so a change is covered before the request that made it can be answered again.
 */
export function setAfterPublish(fn: AfterPublish | undefined): void {
  h.__mesAfterPublish = fn;
}

/**
 * After a commit: starts the work that follows a change (the material-status refresh) and sends what
 * the outbox does not carry; never throws into the request that made the change.
 */
export async function publish(events: DomainEvent[]): Promise<void> {
  const after = events.length ? h.__mesAfterPublish?.(events) : undefined;
  try {
    await publishNow(events.filter((e) => !fromOutbox(e.name)));
  } finally {
    await after;
  }
}

async function publishNow(events: DomainEvent[]): Promise<void> {
  if (!events.length || !g.__mesPublisher) return;
  try {
    await g.__mesPublisher(events);
  } catch (err) {
    console.error("[realtime] publish failed", err);
  }
}
