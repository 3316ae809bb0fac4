import { useEffect, useRef } from "react";
import useSWR from "swr";
import type { BoardGroup, MaterialStatus } from "@/lib/manufacturing/board-schemas";
import type { ApiError } from "../../api";
import { useRealtime } from "../../realtime/useRealtime";
import type { Priority } from "../types";
import type { StageBoardData } from "./types";

export interface StageFilter {
  groupBy: BoardGroup;
  workCenterId: string;
  priority: Priority | "";
  materialStatus: MaterialStatus | "";
  customer: string;
  limit: number;
}

/** The GET /api/mos/board URL of a filter (also the SWR key). */
export function boardUrl(f: StageFilter): string {
  const p = new URLSearchParams({ groupBy: f.groupBy, limit: String(f.limit) });
  if (f.workCenterId) p.set("workCenterId", f.workCenterId);
  if (f.priority) p.set("priority", f.priority);
  if (f.materialStatus) p.set("materialStatus", f.materialStatus);
  if (f.customer.trim()) p.set("customer", f.customer.trim());
  return `/api/mos/board?${p.toString()}`;
}

/**
 * The board, live: any order or work-order event may move a card (a completed operation), bring one
 * in (a new order), take one out (closed, canceled) or change its material status, so the board refetches; one bounded query, and
 * a burst of events (a completion sends the WO's and the MO's) makes one refetch.
 */
export function useStageBoard(f: StageFilter | null) {
  const swr = useSWR<StageBoardData, ApiError>(f ? boardUrl(f) : null, { keepPreviousData: true });
  const { mutate } = swr;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useRealtime(["mo:created", "mo:updated", "mo:materialStatus", "wo:created", "wo:updated"], () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void mutate();
    }, 150);
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return swr;
}
