import { useEffect, type RefObject } from "react";

const TEXT_ENTRY = "input, textarea, select, [contenteditable='true']";

/**
 * Keeps the scan box focused while the person is not doing anything else, so a scanner's keystrokes
 * always land in it: on load, when the tab comes back, when focus drops to nothing, and shortly after
 * a tap on something that is not a text field (a button keeps focus after a tap in Chrome). Keyboard
 * users are left alone: only pointer taps trigger the refocus, and never away from another text field
 * or from something the screen focused on purpose (e.g. a confirmation).
 */
export function useScanFocus(ref: RefObject<HTMLInputElement | null>, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const focusBox = () => ref.current?.focus({ preventScroll: true });
    const idle = () => document.activeElement === null || document.activeElement === document.body;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const onPointerUp = (e: PointerEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest(TEXT_ENTRY) || target?.closest("label")) return;
      clearTimeout(timer);
      // Wait for the tap's own effects (a confirmation taking focus, a dialog opening) to settle.
      timer = setTimeout(() => {
        const active = document.activeElement;
        if (idle() || (active && target && (active === target || active.contains(target) || target.contains(active)))) focusBox();
      }, 400);
    };
    const onFocusOut = () => {
      setTimeout(() => {
        if (idle()) focusBox();
      }, 0);
    };
    const onVisible = () => {
      if (document.visibilityState === "visible" && idle()) focusBox();
    };

    if (idle()) focusBox();
    document.addEventListener("pointerup", onPointerUp, true);
    document.addEventListener("focusout", onFocusOut, true);
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("focus", onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("pointerup", onPointerUp, true);
      document.removeEventListener("focusout", onFocusOut, true);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("focus", onVisible);
    };
  }, [ref, enabled]);
}
