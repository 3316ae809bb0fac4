import useSWR from "swr";
import type { ApiError } from "../../api";
import type { Page, Role, UserItem } from "../../types";
import { hasPermission, useSignedInUser } from "../../useMe";
import type { PersonRef, WoItem } from "../types";

/** Roles that can be given work orders (they hold wo:execute); the API checks the same list. */
const ASSIGNABLE: readonly Role[] = ["OPERATOR", "MANAGER", "ADMIN"];

export interface Assignees {
  people: PersonRef[];
  /** False when the list is only who has had work orders recently (no users:manage). */
  complete: boolean;
  isLoading: boolean;
  error?: ApiError;
}

/**
 * The people work orders can be assigned to. Only users:manage may list users, and the API has no
 * "assignable people" list for planners (reported as missing), so without it the list is everyone
 * who holds one of the latest 200 work orders, plus the planner themselves. Whoever is picked, the
 * API checks they are an active operator, manager or admin and explains a refusal.
 */
export function useAssignees(enabled = true): Assignees {
  const me = useSignedInUser();
  const canListUsers = hasPermission(me, "users:manage");
  const users = useSWR<Page<UserItem>, ApiError>(enabled && canListUsers ? "/api/users?active=true&pageSize=200" : null);
  const wos = useSWR<Page<WoItem>, ApiError>(enabled && !canListUsers ? "/api/workorders?pageSize=200" : null);

  if (canListUsers) {
    const people = (users.data?.items ?? []).filter((u) => u.active && ASSIGNABLE.includes(u.role)).map((u) => ({ id: u.id, name: u.name }));
    return { people: sortByName(people), complete: true, isLoading: users.isLoading, error: users.error };
  }
  const byId = new Map<string, PersonRef>();
  if (ASSIGNABLE.includes(me.user.role)) byId.set(me.user.id, { id: me.user.id, name: me.user.name });
  for (const wo of wos.data?.items ?? []) if (wo.assignee) byId.set(wo.assignee.id, wo.assignee);
  return { people: sortByName([...byId.values()]), complete: false, isLoading: wos.isLoading, error: wos.error };
}

function sortByName(people: PersonRef[]): PersonRef[] {
  return people.sort((a, b) => a.name.localeCompare(b.name));
}
