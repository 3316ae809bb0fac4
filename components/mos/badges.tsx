// Status labels of orders and work orders. Each carries its word, so color is never the only signal.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatQty } from "../format";
import { useOrderLabels } from "./labels";
import type { OrderState, Priority, WorkStatus } from "./types";

type Tone = "neutral" | "blue" | "green" | "amber" | "red" | "muted";

const TONES: Record<Tone, string> = {
  neutral: "bg-neutral-100 text-neutral-800 ring-neutral-500/20",
  blue: "bg-blue-50 text-blue-800 ring-blue-600/20",
  green: "bg-green-50 text-green-800 ring-green-600/20",
  amber: "bg-amber-50 text-amber-900 ring-amber-600/30",
  red: "bg-red-50 text-red-800 ring-red-600/20",
  muted: "bg-white text-neutral-500 ring-neutral-300",
};

export function Pill({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}

const STATE_TONES: Record<OrderState, Tone> = { PLANNED: "neutral", IN_PROGRESS: "blue", DONE: "green", CANCELED: "muted" };
const STATUS_TONES: Record<WorkStatus, Tone> = { PENDING: "neutral", STARTED: "blue", PAUSED: "amber", COMPLETED: "green" };
const PRIORITY_TONES: Record<Priority, Tone> = { LOW: "muted", NORMAL: "neutral", HIGH: "amber", URGENT: "red" };

export function MoStateBadge({ state }: { state: OrderState }) {
  const labels = useOrderLabels();
  return (
    <Pill tone={STATE_TONES[state]} testId="mo-state">
      {labels.state(state)}
    </Pill>
  );
}

export function WoStatusBadge({ status }: { status: WorkStatus }) {
  const labels = useOrderLabels();
  return (
    <Pill tone={STATUS_TONES[status]} testId="wo-status">
      {labels.status(status)}
    </Pill>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const t = useTranslations("mos");
  const labels = useOrderLabels();
  return (
    <Pill tone={PRIORITY_TONES[priority]}>
      <span className="sr-only">{t("badges.priorityPrefix")}</span>
      {labels.priority(priority)}
    </Pill>
  );
}

export function LateBadge() {
  const t = useTranslations("mos");
  return (
    <Pill tone="red" testId="late">
      <svg viewBox="0 0 16 16" className="-ml-0.5 mr-1 h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
        <circle cx="8" cy="8" r="6" />
        <path d="M8 4.5V8l2.5 1.5" strokeLinecap="round" />
      </svg>
      {t("badges.late")}
    </Pill>
  );
}

/** How much of a material is missing ("12 pcs" + Short), or a dash when stock covers it. */
export function ShortBy({ short, shortBy, uom }: { short: boolean; shortBy: number; uom: string }) {
  const t = useTranslations("mos");
  if (!short) return <span className="text-neutral-500">—</span>;
  return (
    <span className="inline-flex items-center gap-2 font-semibold text-red-700">
      {formatQty(shortBy, uom)} <Pill tone="red">{t("badges.short")}</Pill>
    </span>
  );
}
