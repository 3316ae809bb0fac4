import useSWR from "swr";
import type { ApiError } from "../../api";
import { useRealtime } from "../../realtime/useRealtime";
import type { WoDetail } from "./types";

/** The SWR key of a work order's detail. */
export const woDetailUrl = (idOrCode: string) => `/api/workorders/${encodeURIComponent(idOrCode)}`;

/**
 * One work order's detail (null: do not load yet), refreshed live when it changes (wo:updated, also
 * sent for new comments) or its MO does (mo:updated), and after a reconnect (no payload then).
 */
export function useWoDetail(id: string | null) {
  const swr = useSWR<WoDetail, ApiError>(id ? woDetailUrl(id) : null);
  const { data, mutate } = swr;
  useRealtime(["wo:updated", "mo:updated"], (p) => {
    if (!id) return;
    if (!p || p.id === id || (data && (p.id === data.id || p.id === data.moId))) void mutate();
  });
  return swr;
}
