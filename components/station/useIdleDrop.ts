import { useEffect, useRef, useState } from "react";
import { ApiError } from "../api";
import { activity } from "./stationApi";

// A touch restarts the server's idle timer at most this often (each action restarts it anyway).
const PING_EVERY_MS = 20_000;

/**
 * The operator's idle timer on a station: the server's deadline (it drops the session then), moved
 * forward by every tap on the screen (POST /api/station/activity, at most every 20 s) and by every
 * action. Returns the milliseconds left (null: nobody signed in); `onExpired` runs once at zero.
 */
export function useIdleDrop(serverDeadline: string | null, onExpired: () => void): number | null {
  // A deadline moved by a touch, for the server deadline it moved (a new server answer replaces it).
  const [touched, setTouched] = useState<{ from: string; at: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const lastPing = useRef(0);
  const firedFor = useRef<number | null>(null);
  const onExpiredRef = useRef(onExpired);
  useEffect(() => {
    onExpiredRef.current = onExpired;
  });
  const deadline = serverDeadline === null ? null : touched && touched.from === serverDeadline ? touched.at : Date.parse(serverDeadline);

  useEffect(() => {
    if (serverDeadline === null) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const onTouch = () => {
      if (Date.now() - lastPing.current < PING_EVERY_MS) return;
      lastPing.current = Date.now();
      activity().then(
        (r) => setTouched({ from: serverDeadline, at: Date.parse(r.expiresAt) }),
        (err: unknown) => {
          // No network is not a sign-out: the operator works on (their taps queue on the tablet).
          if (err instanceof ApiError && err.status === 0) {
            lastPing.current = 0;
            return;
          }
          onExpiredRef.current();
        },
      );
    };
    document.addEventListener("pointerdown", onTouch, true);
    document.addEventListener("keydown", onTouch, true);
    return () => {
      clearInterval(tick);
      document.removeEventListener("pointerdown", onTouch, true);
      document.removeEventListener("keydown", onTouch, true);
    };
  }, [serverDeadline]);

  const left = deadline === null ? null : Math.max(0, deadline - now);
  useEffect(() => {
    if (left === 0 && deadline !== null && firedFor.current !== deadline) {
      firedFor.current = deadline;
      onExpiredRef.current();
    }
  }, [left, deadline]);
  return left;
}
