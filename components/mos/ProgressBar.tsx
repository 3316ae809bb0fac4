import { useTranslations } from "next-intl";
import type { Progress } from "./types";

/** Completed / total work orders as a bar with its numbers next to it. */
export function ProgressBar({ progress, label }: { progress: Progress; label: string }) {
  const t = useTranslations("mos");
  const pct = progress.total ? Math.round((progress.completed / progress.total) * 100) : 0;
  return (
    <div className="flex min-w-28 items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.completed}
        aria-valuetext={t("progress.valueText", { completed: progress.completed, total: progress.total })}
        className="h-2 flex-1 overflow-hidden rounded-full bg-neutral-200"
      >
        <div className={`h-full rounded-full ${pct === 100 ? "bg-green-600" : "bg-blue-600"}`} style={{ width: `${pct}%` }} />
      </div>
      <span className="whitespace-nowrap text-xs tabular-nums text-neutral-600">
        {progress.completed}/{progress.total}
      </span>
    </div>
  );
}
