import { useTranslations } from "next-intl";
import { STATUS } from "./status";
import type { WorkStatus } from "./types";

/** A work order's status as a labelled pill (a dot for colour, the word for meaning). */
export function StatusPill({ status, large = false }: { status: WorkStatus; large?: boolean }) {
  const t = useTranslations("workorders");
  const s = STATUS[status];
  return (
    <span
      data-testid="wo-status"
      data-status={status}
      className={`inline-flex items-center gap-1.5 rounded-full font-semibold ring-1 ring-inset ${s.pill} ${large ? "px-3 py-1 text-sm" : "px-2.5 py-0.5 text-xs"}`}
    >
      <span className={`h-2 w-2 rounded-full ${s.dot} ${status === "STARTED" ? "motion-safe:animate-pulse" : ""}`} aria-hidden="true" />
      {t(`pill.${status}`)}
    </span>
  );
}
