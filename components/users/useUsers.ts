import useSWR from "swr";
import type { ApiError } from "../api";
import type { Page, Role, UserItem } from "../types";

export const PAGE_SIZE = 20;

export interface UserFilter {
  q: string;
  role: Role | "";
  /** "" all, "true" active only, "false" deactivated only. */
  active: "" | "true" | "false";
  page: number;
}

/** The GET /api/users URL for a filter (also the SWR key). */
export function usersUrl(f: UserFilter): string {
  const p = new URLSearchParams({ page: String(f.page), pageSize: String(PAGE_SIZE) });
  if (f.q.trim()) p.set("q", f.q.trim());
  if (f.role) p.set("role", f.role);
  if (f.active) p.set("active", f.active);
  return `/api/users?${p.toString()}`;
}

/** One page of users; keeps showing the previous page while the next one loads. */
export function useUsers(f: UserFilter) {
  return useSWR<Page<UserItem>, ApiError>(usersUrl(f), { keepPreviousData: true });
}

/** A result of an action on the users page, shown above the table. */
export type { NoticeMessage as Notice } from "../ui/Notice";
