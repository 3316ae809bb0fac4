import { useEffect, useRef } from "react";
import type { ClientEventName } from "@/lib/realtime/events";
import { onEvent, onReconnect } from "./socket";

/**
 * Calls `handler` whenever one of `events` arrives, and after every connection, the first included (with no payload),
 * so a screen refetches what it shows: `useRealtime(["mo:updated", "wo:updated"], () => mutate())`.
 */
export function useRealtime(events: ClientEventName | ClientEventName[], handler: (payload?: Record<string, unknown>) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  const key = ([] as ClientEventName[]).concat(events).join(",");
  useEffect(() => {
    const names = key.split(",") as ClientEventName[];
    const offs = names.map((n) => onEvent(n, (p) => ref.current(p)));
    offs.push(onReconnect(() => ref.current()));
    return () => offs.forEach((off) => off());
  }, [key]);
}
