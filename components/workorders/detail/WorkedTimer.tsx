import { useTranslations } from "next-intl";
import { hasOpenLog, workedMs } from "./time";
import type { TimeLog } from "./types";
import { useNow } from "./useNow";
import { formatClock, formatMinutes } from "../../format";

interface Props {
  logs: readonly TimeLog[];
  plannedMin: number | null;
  /** Larger type for the operator view. */
  large?: boolean;
}

/** Worked time from the server's time logs; ticks every second while a log is open. */
export function WorkedTimer({ logs, plannedMin, large = false }: Props) {
  const t = useTranslations("workorders");
  const running = hasOpenLog(logs);
  const now = useNow(running);
  const ms = workedMs(logs, now);
  const over = plannedMin !== null && ms > plannedMin * 60_000;
  return (
    <div data-testid="wo-timer" data-running={running || undefined} data-worked-ms={ms}>
      <p className="text-xs font-semibold uppercase tracking-wide text-neutral-600">{running ? t("timer.working") : t("timer.worked")}</p>
      <p className={`font-mono font-semibold tabular-nums ${large ? "text-3xl" : "text-2xl"} ${running ? "text-blue-900" : "text-neutral-900"}`}>
        <span className="sr-only">{t("timer.workedTime")}</span>
        <span data-testid="wo-timer-value">{formatClock(ms)}</span>
      </p>
      {plannedMin !== null && (
        <p className={`text-sm ${over ? "font-medium text-amber-800" : "text-neutral-600"}`}>
          {over ? t("timer.overPlanned", { time: formatMinutes(plannedMin) }) : t("timer.planned", { time: formatMinutes(plannedMin) })}
        </p>
      )}
    </div>
  );
}
