import { useSyncExternalStore } from "react";
import { useServerClockOffset } from "./serverClock";

// Whole seconds, so the snapshot stays the same between the renders of one second (a requirement
// of useSyncExternalStore) and every timer on the page ticks together.
const nowSecond = () => Math.floor(Date.now() / 1000) * 1000;

// Module-level (stable) subscribe functions: a new function each render would resubscribe each render.
function subscribeTicking(onChange: () => void): () => void {
  const t = setInterval(onChange, 250);
  return () => clearInterval(t);
}
function subscribeNever(): () => void {
  return () => undefined;
}
// Server rendering has no clock of the browser's; the timers only show once data has loaded anyway.
function serverNow(): number {
  return 0;
}

/** The server's current time, re-rendering every second while `active` (e.g. while a timer runs). */
export function useNow(active: boolean): number {
  const offset = useServerClockOffset();
  const now = useSyncExternalStore(active ? subscribeTicking : subscribeNever, nowSecond, serverNow);
  return now + offset;
}
