import { ApiError } from "../api";

/** Per-field messages from a 400's `details` ([{ path, message }]), for the fields a form has. */
export function fieldErrors<K extends string>(err: unknown, names: readonly K[]): Partial<Record<K, string>> {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return {};
  const out: Partial<Record<K, string>> = {};
  for (const d of err.details as unknown[]) {
    if (typeof d !== "object" || d === null) continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof path === "string" && (names as readonly string[]).includes(path) && typeof message === "string") out[path as K] ??= message;
  }
  return out;
}
