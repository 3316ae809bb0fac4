import useSWR from "swr";
import type { ApiError } from "../api";
import type { WorkCenter } from "../products/types";
import type { Page } from "../types";

/** Work centers by name (all, or only active ones for pickers: inactive ones take no new work). */
export function useWorkCenters({ activeOnly = false, page = 1, pageSize = 200 }: { activeOnly?: boolean; page?: number; pageSize?: number } = {}) {
  const p = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (activeOnly) p.set("active", "true");
  return useSWR<Page<WorkCenter>, ApiError>(`/api/workcenters?${p.toString()}`, { keepPreviousData: true });
}
