import useSWRInfinite from "swr/infinite";
import type { ApiError } from "../../api";
import type { WoItem, WorkStatus } from "../../mos/types";
import type { Page } from "../../types";

export const COLUMN_PAGE = 25;

export interface BoardFilter {
  moId: string;
  assignedToId: string;
}

/** One status column of the board, loaded 25 cards at a time ("Show more"). */
export function useBoardColumn(status: WorkStatus, f: BoardFilter, enabled: boolean) {
  const swr = useSWRInfinite<Page<WoItem>, ApiError>(
    (index, previous: Page<WoItem> | null) => {
      if (!enabled) return null;
      // A capped total (lib/validation/paging.ts countCapped) is "at least": go on while pages come back full.
      if (previous && (previous.totalCapped ? previous.items.length < previous.pageSize : previous.page * previous.pageSize >= previous.total)) return null;
      const p = new URLSearchParams({ status, page: String(index + 1), pageSize: String(COLUMN_PAGE) });
      if (f.moId) p.set("moId", f.moId);
      if (f.assignedToId) p.set("assignedToId", f.assignedToId);
      return `/api/workorders?${p.toString()}`;
    },
    { keepPreviousData: true, revalidateAll: true },
  );
  const pages = swr.data ?? [];
  const items = pages.flatMap((p) => p.items);
  const last = pages[pages.length - 1];
  const total = last?.total ?? 0;
  const capped = last?.totalCapped === true;
  return { ...swr, items, total, capped, hasMore: capped ? last!.items.length === last!.pageSize : items.length < total };
}
