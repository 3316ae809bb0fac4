// How far the tablet's clock is from the server's. Time logs carry server timestamps; a tablet whose
// clock is minutes off would otherwise show a running timer minutes off (or stuck at zero). The
// offset comes from the Date header of one cheap request per page load; it has whole-second
// resolution, so offsets of a couple of seconds are ignored.
import { useEffect, useState } from "react";

let offset: Promise<number> | null = null;
let known = 0;

/**
 * The offset measured so far (0 before): the offline queue stamps a tap with Date.now() plus this, so a
 * tablet whose clock is off still books the server's time (components/offline/sync.ts).
 */
export function knownServerClockOffset(): number {
  offset ??= measure();
  return known;
}

async function measure(): Promise<number> {
  try {
    const sent = Date.now();
    const res = await fetch("/api/health", { cache: "no-store", credentials: "same-origin" });
    const received = Date.now();
    const date = res.headers.get("date");
    if (!date) return 0;
    // The header truncates to the second: add half a second, then assume the answer was made halfway.
    const server = Date.parse(date) + 500;
    const diff = server - (sent + received) / 2;
    known = Math.abs(diff) > 2000 ? diff : 0;
    return known;
  } catch {
    return 0;
  }
}

/** Milliseconds to add to Date.now() to get the server's time (0 until measured, or when close enough). */
export function useServerClockOffset(): number {
  const [value, setValue] = useState(0);
  useEffect(() => {
    let live = true;
    offset ??= measure();
    void offset.then((v) => live && setValue(v));
    return () => {
      live = false;
    };
  }, []);
  return value;
}
