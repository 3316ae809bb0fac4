import { sendJson } from "../api";
import type { Role, UserItem } from "../types";

type Patch = { role: Role } | { active: boolean } | { password: string };

/** PATCH /api/users/:id with one change. */
export function patchUser(id: string, patch: Patch): Promise<UserItem> {
  return sendJson<UserItem>(`/api/users/${encodeURIComponent(id)}`, "PATCH", patch);
}
