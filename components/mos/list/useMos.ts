import useSWR from "swr";
import type { ApiError } from "../../api";
import { useRealtime } from "../../realtime/useRealtime";
import type { Page } from "../../types";
import type { MaterialStatus } from "@/lib/db/generated/enums";
import type { MoListItem, OrderState } from "../types";

export const MO_PAGE_SIZE = 20;

export interface MoFilter {
  state: OrderState | "";
  /** READY / PARTIAL / WAITING, or "" for any. */
  materialStatus?: MaterialStatus | "";
  q: string;
  page: number;
}

/** The GET /api/mos URL of a filter (also the SWR key). */
export function mosUrl(f: MoFilter): string {
  const p = new URLSearchParams({ page: String(f.page), pageSize: String(MO_PAGE_SIZE) });
  if (f.state) p.set("state", f.state);
  if (f.materialStatus) p.set("materialStatus", f.materialStatus);
  if (f.q.trim()) p.set("q", f.q.trim());
  return `/api/mos?${p.toString()}`;
}

/** One page of MOs, refreshed live when orders or their work orders change. */
export function useMos(f: MoFilter | null) {
  const swr = useSWR<Page<MoListItem>, ApiError>(f ? mosUrl(f) : null, { keepPreviousData: true });
  // Progress comes from the work orders, so their changes matter to the list too.
  // A re-rank changes material statuses: mo:materialStatus names only the MOs whose status changed.
  useRealtime(["mo:created", "mo:updated", "mo:materialStatus", "wo:created", "wo:updated"], () => void swr.mutate());
  return swr;
}
