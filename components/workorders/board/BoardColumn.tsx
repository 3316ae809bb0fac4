import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useOrderLabels } from "../../mos/labels";
import type { PersonRef, WorkStatus } from "../../mos/types";
import { Button } from "../../ui/Button";
import { ErrorState } from "../../ui/States";
import { Spinner } from "../../ui/Spinner";
import { useBoardColumn, type BoardFilter } from "./useBoardColumn";
import { WoCard } from "./WoCard";

const ACCENTS: Record<WorkStatus, string> = {
  PENDING: "border-t-neutral-400",
  STARTED: "border-t-blue-600",
  PAUSED: "border-t-amber-500",
  COMPLETED: "border-t-green-600",
};

interface Props {
  status: WorkStatus;
  filter: BoardFilter;
  ready: boolean;
  people: PersonRef[] | null;
  canAssign: boolean;
  onChanged: (message: string) => void;
  /** Bumped by the board when an event arrives, so every column refetches. */
  refreshTick: number;
}

/** One status column: its count, its cards, and "Show more" when there are more than fit a page. */
export function BoardColumn({ status, filter, ready, people, canAssign, onChanged, refreshTick }: Props) {
  const t = useTranslations("workorders");
  const labels = useOrderLabels();
  const col = useBoardColumn(status, filter, ready);
  const { mutate } = col;
  useEffect(() => {
    if (refreshTick > 0) void mutate();
  }, [refreshTick, mutate]);
  const headingId = `col-${status}`;

  return (
    <section aria-labelledby={headingId} data-testid={`column-${status}`} className={`flex min-w-0 flex-col rounded-lg border border-t-4 border-neutral-200 bg-neutral-100/70 ${ACCENTS[status]}`}>
      <h2 id={headingId} className="flex items-center justify-between px-3 py-2.5 text-sm font-semibold uppercase tracking-wide text-neutral-700">
        {labels.status(status)}
        <span className="rounded-full bg-white px-2 py-0.5 text-xs tabular-nums text-neutral-700 ring-1 ring-neutral-200" aria-label={col.capped ? t("board.countMore", { count: col.total }) : t("board.count", { count: col.total })}>
          {col.data ? (col.capped ? `${col.total.toLocaleString()}+` : col.total) : "…"}
        </span>
      </h2>
      <div className="flex-1 space-y-2 px-2 pb-2" aria-busy={col.isValidating}>
        {col.error ? (
          <ErrorState title={t("board.loadError")} message={col.error.message} onRetry={() => void mutate()} />
        ) : !col.data ? (
          <p role="status" className="flex items-center gap-2 px-1 py-4 text-sm text-neutral-600">
            <Spinner className="h-4 w-4" /> {t("board.loading")}
          </p>
        ) : col.items.length === 0 ? (
          <p className="px-1 py-6 text-center text-sm text-neutral-600">{t("board.none")}</p>
        ) : (
          col.items.map((wo) => <WoCard key={wo.id} wo={wo} people={people} canAssign={canAssign} onChanged={onChanged} />)
        )}
        {col.hasMore && (
          <Button variant="secondary" className="w-full" busy={col.isValidating} onClick={() => void col.setSize(col.size + 1)}>
            {col.capped ? t("board.showMoreUncounted") : t("board.showMore", { count: col.total - col.items.length })}
          </Button>
        )}
      </div>
    </section>
  );
}
