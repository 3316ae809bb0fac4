// The one way a button (archive, deactivate, start a work order, assign…) calls the API: busy state,
// the failure to show, and one idempotency key per action (forms use useApiForm instead).
import { useCallback, useRef, useState } from "react";
import { ActionKeys } from "./actionKey";
import { useFormMessages } from "./messages";

export type ActionResult<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface ApiAction<A extends string> {
  /** The action running now (buttons show a spinner), or null. */
  busy: A | null;
  /** The last failure (cleared when an action starts), and its message. */
  error: unknown;
  errorText: string | null;
  /** Runs one action: `send` gets the action's idempotency key. */
  run: <R>(action: A, body: unknown, send: (idempotencyKey: string) => Promise<R>) => Promise<ActionResult<R>>;
  clearError: () => void;
}

/** Busy and failure state of one or more actions of a screen element: see the module comment. */
export function useApiAction<A extends string = "run">(): ApiAction<A> {
  const [busy, setBusy] = useState<A | null>(null);
  const [error, setError] = useState<unknown>(null);
  const keys = useRef(new ActionKeys());
  const { errorText } = useFormMessages();

  const run = useCallback(async <R,>(action: A, body: unknown, send: (idempotencyKey: string) => Promise<R>): Promise<ActionResult<R>> => {
    setBusy(action);
    setError(null);
    const key = keys.current.forBody({ action, body });
    try {
      const value = await send(key);
      keys.current.done();
      return { ok: true, value };
    } catch (err) {
      keys.current.failed(err);
      setError(err);
      return { ok: false, error: err };
    } finally {
      setBusy(null);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { busy, error, errorText: error === null ? null : errorText(error), run, clearError };
}
