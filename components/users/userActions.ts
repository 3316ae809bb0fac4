import { sendWithKey } from "../forms/send";
import type { Role, UserItem } from "../types";

type Patch = { role: Role } | { active: boolean } | { password: string };

/** PATCH /api/users/:id with one change. */
export function patchUser(id: string, patch: Patch, idempotencyKey: string): Promise<UserItem> {
  return sendWithKey<UserItem>(`/api/users/${encodeURIComponent(id)}`, "PATCH", patch, idempotencyKey);
}

/** DELETE /api/users/:id/sessions: signs the user out everywhere; answers how many sessions ended. */
export function endSessions(id: string, idempotencyKey: string): Promise<{ ended: number }> {
  return sendWithKey<{ ended: number }>(`/api/users/${encodeURIComponent(id)}/sessions`, "DELETE", undefined, idempotencyKey);
}
