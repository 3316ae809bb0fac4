// The station screen's calls. They go through apiFetch, not sendJson: a refused PIN (401) is an
// answer to show on the pad, never a reason to leave the station for the sign-in page.
import { apiFetch, newIdempotencyKey } from "../api";

const post = <T>(url: string, body: unknown = {}) =>
  apiFetch<T>(url, { method: "POST", headers: { "Content-Type": "application/json", "Idempotency-Key": newIdempotencyKey() }, body: JSON.stringify(body) });

/** POST /api/station/identify: a PIN for a name tile, or a badge. */
export const identify = (body: { operatorId: string; pin: string } | { badge: string }) => post<{ operator: { id: string; name: string }; expiresAt: string }>("/api/station/identify", body);

/** POST /api/station/release: the operator leaves the station. */
export const release = () => post<{ operator: null }>("/api/station/release");

/** POST /api/station/activity: the screen was touched, the idle timer restarts. */
export const activity = () => post<{ expiresAt: string }>("/api/station/activity");
