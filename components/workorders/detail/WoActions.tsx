import { useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import { woCanStartIn } from "@/lib/manufacturing/states";
import { ApiError, errorMessage } from "../../api";
import { ShortageList } from "../../stock/ShortageList";
import { shortagesOf } from "../../stock/shortages";
import { Notice } from "../../ui/Notice";
import { useApiAction } from "../../forms/useApiAction";
import { actionWord, actionsFor, runWoAction } from "./actions";
import { CompletePanel, type CompletionBody } from "./CompletePanel";
import { TouchButton } from "./TouchButton";
import { PauseReasonPicker } from "../../operator/PauseReasonPicker";
import { SequenceWarning, startedOutOfOrder } from "../../operator/StartWarnings";
import { QueuedActions } from "../../offline/QueuedActions";
import { statusAfter, useQueued, useTabletUser } from "../../offline/useQueued";
import type { WoAction, WoItem, WorkStatus } from "./types";

export interface ActionableWo {
  id: string;
  code: string;
  title: string;
  status: WorkStatus;
  /** What reached its operation: the completion panel's default good units. */
  reachedQty?: number;
  mo: { orderNo: string; state: WoItem["mo"]["state"] };
}

interface Props {
  wo: ActionableWo;
  size?: "lg" | "xl";
  /** Reload what the screen shows after a change (or after a refused one: the WO may have moved on). */
  onChanged: () => unknown;
}

const TONE = { start: "start", pause: "pause", complete: "complete" } as const;

/**
 * One tap to start / pause / resume, and complete after a confirmation that takes the good and
 * scrapped units (CompletePanel: its defaults accepted in one tap). A refused action shows the
 * API's message (INSUFFICIENT_STOCK: the list of short products) and leaves the WO as it was.
 * Without a network the tap is kept on the tablet (components/offline): the card lists it with its
 * time, the buttons follow the status it will give, and a refusal after the replay is shown here.
 */
export function WoActions({ wo, size = "xl", onChanged }: Props) {
  const t = useTranslations("workorders");
  const tq = useTranslations("offline");
  const { busy, run: runAction } = useApiAction<WoAction>();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<{ action: WoAction; err: unknown } | null>(null);
  const [done, setDone] = useState("");
  const [pausing, setPausing] = useState(false);
  const [outOfOrder, setOutOfOrder] = useState(false);
  const userId = useTabletUser();
  const queue = useQueued(wo.id);
  // What the WO will be once the queued taps are applied: the next tap follows it.
  const status = statusAfter(wo.status, queue);
  // The pause reasons are loaded now, so the picker still has them when the network drops.
  useSWR("/api/pause-reasons?active=true&pageSize=200");
  const actions = actionsFor(status);
  const moClosed = !woCanStartIn(wo.mo.state);
  const full = size === "xl" ? "flex-1" : "";

  async function run(action: WoAction, body?: CompletionBody) {
    const before = status;
    setFailure(null);
    setDone("");
    setOutOfOrder(false);
    const result = await runAction(action, { id: wo.id, before }, (key) => runWoAction({ ...wo, status: before }, action, key, { ...body }, userId));
    setConfirming(false);
    if (result.ok && result.value.queued) setDone(tq("queued.saved", { action: tq(`kind.${actionWord(action, before)}`), code: wo.code }));
    else if (result.ok) setDone(t(`actions.done.${actionWord(action, before)}`, { code: wo.code }));
    else setFailure({ action, err: result.error });
    if (result.ok && !result.value.queued && startedOutOfOrder(result.value.value)) setOutOfOrder(true);
    await onChanged();
  }

  if (!actions.length) return queue.length ? <QueuedActions entries={queue} /> : null;

  return (
    <div className="space-y-3" data-testid="wo-actions">
      {pausing ? (
        <PauseReasonPicker
          wo={{ ...wo, status }}
          size={size}
          onCancel={() => setPausing(false)}
          onSettled={async (paused) => {
            if (paused) setPausing(false);
            if (paused) setDone(t("actions.done.pause", { code: wo.code }));
            await onChanged();
          }}
        />
      ) : confirming ? (
        <CompletePanel wo={wo} size={size} busy={busy === "complete"} onConfirm={(body) => void run("complete", body)} onCancel={() => setConfirming(false)} />
      ) : (
        <div className="flex flex-wrap gap-3">
          {actions.map((action) => {
            const label = t(`actions.label.${actionWord(action, status)}`);
            const blocked = action === "start" && moClosed;
            return (
              <TouchButton
                key={action}
                tone={TONE[action]}
                size={size}
                className={full}
                busy={busy === action}
                disabled={blocked || (busy !== null && busy !== action)}
                onClick={() => (action === "complete" ? setConfirming(true) : action === "pause" ? setPausing(true) : void run(action))}
                aria-label={t("actions.ariaLabel", { action: label, code: wo.code })}
              >
                <ActionIcon action={action} />
                {label}
              </TouchButton>
            );
          })}
        </div>
      )}
      <QueuedActions entries={queue} />
      {moClosed && status !== "COMPLETED" && (
        <p className="text-sm text-neutral-700">
          {t("actions.moClosed", { orderNo: wo.mo.orderNo, state: wo.mo.state })}
        </p>
      )}
      {failure && <ActionError wo={{ ...wo, status }} action={failure.action} err={failure.err} onDismiss={() => setFailure(null)} />}
      {outOfOrder && <SequenceWarning code={wo.code} onDismiss={() => setOutOfOrder(false)} />}
      <p className="sr-only" role="status">
        {done}
      </p>
    </div>
  );
}

function ActionError({ wo, action, err, onDismiss }: { wo: ActionableWo; action: WoAction; err: unknown; onDismiss: () => void }) {
  const t = useTranslations("workorders");
  const shortages = shortagesOf(err);
  const refused = err instanceof ApiError && err.status === 409;
  const text = shortages ? t("actions.shortStock") : errorMessage(err);
  return (
    <Notice testId="wo-action-error" notice={{ tone: "error", text }} title={t(`actions.failed.${actionWord(action, wo.status)}`, { code: wo.code })} onDismiss={onDismiss} size="lg">
      {shortages && <ShortageList shortages={shortages} />}
      {refused && <p className="mt-2">{t("actions.unchanged", { code: wo.code, status: wo.status })}</p>}
    </Notice>
  );
}

function ActionIcon({ action }: { action: WoAction }) {
  const common = { className: "h-6 w-6", viewBox: "0 0 24 24", "aria-hidden": true } as const;
  if (action === "start")
    return (
      <svg {...common} fill="currentColor">
        <path d="M8 5.5v13a1 1 0 0 0 1.5.86l10.5-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5Z" />
      </svg>
    );
  if (action === "pause")
    return (
      <svg {...common} fill="currentColor">
        <rect x="6" y="5" width="4.5" height="14" rx="1" />
        <rect x="13.5" y="5" width="4.5" height="14" rx="1" />
      </svg>
    );
  return (
    <svg {...common} fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round">
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </svg>
  );
}
