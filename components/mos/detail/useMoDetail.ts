import useSWR from "swr";
import type { ApiError } from "../../api";
import { useRealtime } from "../../realtime/useRealtime";
import type { MoDetail } from "../types";

/** One MO with its work orders and material availability, refreshed live by events about it. */
export function useMoDetail(id: string | null) {
  const swr = useSWR<MoDetail, ApiError>(id ? `/api/mos/${encodeURIComponent(id)}` : null);
  const { mutate } = swr;
  useRealtime(["mo:updated", "mo:materialStatus", "wo:created", "wo:updated", "stock:changed"], (payload) => {
    // No payload: a reconnect, when anything may have been missed.
    if (!payload) return void mutate();
    if (payload.id === id || payload.moId === id || Array.isArray(payload.productIds)) void mutate();
  });
  return swr;
}
