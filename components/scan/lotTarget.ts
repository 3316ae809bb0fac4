import { useEffect, useRef } from "react";

/** A scanned lot, as the scan box offers it to an open form. */
export interface OfferedLot {
  id: string;
  code: string;
  productId: string;
}

/** Takes the lot (returns what it was named for, e.g. the component's SKU) or leaves it (null). */
type LotTarget = (lot: OfferedLot) => string | null;

// The forms open on the page that name lots (the work order's Complete panel). A module-level list, not
// a context: the scan box and the panel sit in different parts of the page (the landing page's box
// above the cards, the WO page's compact box above its actions, the station's above its queue).
const targets: LotTarget[] = [];

/**
 * Offers a scanned lot to the open forms, the most recently opened first: the first that takes it
 * names it (docs/scanning.md "Lot and location labels"). Returns what it was named for, or null.
 */
export function offerLot(lot: OfferedLot): string | null {
  for (const target of [...targets].reverse()) {
    const taken = target(lot);
    if (taken) return taken;
  }
  return null;
}

/** While mounted (and `target` is not null), a form takes scanned lots through `target` (its latest render's). */
export function useLotTarget(target: LotTarget | null): void {
  const latest = useRef(target);
  useEffect(() => {
    latest.current = target;
  });
  const active = target !== null;
  useEffect(() => {
    if (!active) return;
    const entry: LotTarget = (lot) => latest.current?.(lot) ?? null;
    targets.push(entry);
    return () => {
      const i = targets.indexOf(entry);
      if (i >= 0) targets.splice(i, 1);
    };
  }, [active]);
}
