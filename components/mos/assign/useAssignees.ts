import useSWR from "swr";
import type { ApiError } from "../../api";
import type { Role } from "../../types";
import { hasPermission, useSignedInUser } from "../../useMe";
import type { Assignable, PersonRef } from "../types";

/** Roles that can be given work orders (they hold wo:execute); the API checks the same list. */
const ASSIGNABLE: readonly Role[] = ["OPERATOR", "MANAGER", "ADMIN"];

export interface Assignees {
  people: PersonRef[];
  /** Always true now that planners have their own list; kept for the select's hint. */
  complete: boolean;
  isLoading: boolean;
  error?: ApiError;
}

/** The people work orders can be assigned to (GET /api/users/assignable: active operators, managers, admins). */
export function useAssignees(enabled = true): Assignees {
  const me = useSignedInUser();
  const canAssign = hasPermission(me, "wo:write");
  const res = useSWR<{ items: Assignable[] }, ApiError>(enabled && canAssign ? "/api/users/assignable" : null);
  const people = (res.data?.items ?? []).filter((u) => ASSIGNABLE.includes(u.role)).map((u) => ({ id: u.id, name: u.name }));
  return { people: sortByName(people), complete: true, isLoading: res.isLoading, error: res.error };
}

function sortByName(people: PersonRef[]): PersonRef[] {
  return people.sort((a, b) => a.name.localeCompare(b.name));
}
