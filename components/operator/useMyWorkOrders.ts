import useSWR from "swr";
import type { ApiError } from "../api";
import { useRealtime } from "../realtime/useRealtime";
import type { Page } from "../types";
import type { WoItem } from "../workorders/detail/types";

// 200 is the API's largest page: far more open work than one person holds at a time.
const OPEN_URL = "/api/workorders?mine=1&status=PENDING,STARTED,PAUSED&pageSize=200";
// The list cannot filter by completion date (see the report): the latest 100 completed are enough for "today".
const DONE_URL = "/api/workorders?mine=1&status=COMPLETED&pageSize=100";

export interface MyWork {
  started: WoItem[];
  paused: WoItem[];
  pending: WoItem[];
  doneToday: WoItem[];
}

function startOfToday(): number {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The signed-in person's work orders, grouped for the tablet; live on WO and MO changes. */
export function useMyWorkOrders() {
  const open = useSWR<Page<WoItem>, ApiError>(OPEN_URL);
  const done = useSWR<Page<WoItem>, ApiError>(DONE_URL);
  const reload = () => Promise.all([open.mutate(), done.mutate()]);
  // wo:created / wo:updated cover a WO assigned to this person. A WO transferred AWAY is no longer
  // theirs, so its wo:updated does not reach them; the "transferred away" notification does.
  useRealtime(["wo:created", "wo:updated", "mo:updated", "notification:new"], () => void reload());

  let work: MyWork | undefined;
  // The open work as soon as it is there: the buttons do not wait for the done list (the latest 100
  // completed, the larger answer), whose group follows when it arrives.
  if (open.data) {
    // A WO of a done or canceled order can no longer start or complete: it is not work any more.
    const items = open.data.items.filter((w) => w.mo.state === "PLANNED" || w.mo.state === "IN_PROGRESS");
    const since = startOfToday();
    work = {
      started: items.filter((w) => w.status === "STARTED"),
      paused: items.filter((w) => w.status === "PAUSED"),
      pending: items.filter((w) => w.status === "PENDING"),
      doneToday: (done.data?.items ?? []).filter((w) => w.endTime && Date.parse(w.endTime) >= since).sort((a, b) => Date.parse(b.endTime!) - Date.parse(a.endTime!)),
    };
  }
  return { work, error: open.error ?? done.error, isLoading: open.isLoading || done.isLoading, reload };
}
