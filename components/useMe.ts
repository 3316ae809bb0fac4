import { createContext, useContext } from "react";
import useSWR from "swr";
import type { Permission } from "@/lib/auth/permissions";
import type { ApiError } from "./api";
import type { Me } from "./types";

/** The signed-in user and their permissions from GET /api/me (a 401 leads to the sign-in page, see swr.ts). */
export function useMe() {
  const { data, error, isLoading, mutate } = useSWR<Me, ApiError>("/api/me");
  return { me: data, error, isLoading, unauthenticated: error?.status === 401, reload: () => void mutate() };
}

/** Whether a /api/me answer includes a permission (null: any signed-in user); `allRecords` also requires the "all" scope. */
export function hasPermission(me: Me, permission: Permission | null, allRecords = false): boolean {
  return permission === null || me.permissions.some((p) => p.permission === permission && (!allRecords || p.scope === "all"));
}

/** The signed-in user, for components inside the AppShell (which loads it before rendering them). */
export const MeContext = createContext<Me | null>(null);

/** The signed-in user inside the AppShell. */
export function useSignedInUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useSignedInUser must be used inside <AppShell>");
  return me;
}
