import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/** False while server-rendering and hydrating, true afterwards: for UI that only works with JavaScript running. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
