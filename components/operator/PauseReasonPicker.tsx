// Pausing a work order asks why, in one tap: a large button per active pause reason (the admin's
// list, GET /api/pause-reasons). The six defaults are shown in the reader's language, custom reasons
// by their name. The tap pauses the WO with that reason (POST /api/workorders/:id/pause { reason }).
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import useSWR from "swr";
import type { listPauseReasons } from "@/lib/manufacturing/pause-reasons";
import type { Jsonify } from "@/types/json";
import { ApiError, errorMessage } from "../api";
import { useTabletUser } from "../offline/useQueued";
import { useApiAction } from "../forms/useApiAction";
import { Notice } from "../ui/Notice";
import { ErrorState, LoadingState } from "../ui/States";
import { runWoAction } from "../workorders/detail/actions";
import { TouchButton } from "../workorders/detail/TouchButton";

export type PauseReasonItem = Jsonify<Awaited<ReturnType<typeof listPauseReasons>>>["items"][number];

const DEFAULT_CODES: readonly string[] = ["SETUP", "MATERIAL", "BREAKDOWN", "QUALITY", "BREAK", "OTHER"];

/** A reason as people read it: a default in their language, a custom one by its name. */
export function usePauseReasonLabel(): (r: Pick<PauseReasonItem, "code" | "name">) => string {
  const t = useTranslations("operator");
  return (r) => (DEFAULT_CODES.includes(r.code) ? t(`pause.reason.${r.code}`) : r.name);
}

interface Props {
  wo: { id: string; code: string; status?: "PENDING" | "STARTED" | "PAUSED" | "COMPLETED" };
  size?: "lg" | "xl";
  onCancel: () => void;
  /** After the pause went through (or was refused: the WO may have moved on): reload the screen. */
  onSettled: (paused: boolean) => unknown;
}

/** The reason buttons of one WO's pause, with Cancel; Escape cancels too. */
export function PauseReasonPicker({ wo, size = "xl", onCancel, onSettled }: Props) {
  const t = useTranslations("operator");
  const label = usePauseReasonLabel();
  const reasons = useSWR<{ items: PauseReasonItem[] }, ApiError>("/api/pause-reasons?active=true&pageSize=200");
  const { busy, error, errorText, run, clearError } = useApiAction<string>();
  const box = useRef<HTMLDivElement>(null);
  const userId = useTabletUser();

  useEffect(() => box.current?.focus(), []);

  async function pause(code: string) {
    // Sent now, or kept on the tablet without a network (components/offline/sync.ts).
    const result = await run(code, { id: wo.id, code }, (key) => runWoAction({ ...wo, status: wo.status ?? "STARTED" }, "pause", key, { reason: code }, userId));
    await onSettled(result.ok);
  }

  return (
    <div
      ref={box}
      tabIndex={-1}
      role="group"
      aria-labelledby={`pause-${wo.id}`}
      onKeyDown={(e) => {
        if (e.key === "Escape" && busy === null) onCancel();
      }}
      className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4 outline-none"
      data-testid="pause-reasons"
    >
      <p id={`pause-${wo.id}`} className="text-base font-semibold text-neutral-900">
        {t("pause.title", { code: wo.code })}
      </p>
      {/* The list already loaded wins over a failed refresh: without a network the reasons are still there to tap. */}
      {!reasons.data ? (
        reasons.error ? (
          <ErrorState message={errorMessage(reasons.error)} onRetry={() => void reasons.mutate()} />
        ) : (
          <LoadingState label={t("pause.loading")} />
        )
      ) : (
        <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
          {reasons.data.items.map((r) => (
            <TouchButton key={r.id} tone="pause" size={size} busy={busy === r.code} disabled={busy !== null && busy !== r.code} onClick={() => void pause(r.code)} data-reason={r.code}>
              {label(r)}
            </TouchButton>
          ))}
        </div>
      )}
      {reasons.data && reasons.data.items.length === 0 && <p className="mt-2 text-sm text-neutral-700">{t("pause.none")}</p>}
      <div className="mt-3">
        <TouchButton tone="neutral" size={size} disabled={busy !== null} onClick={onCancel}>
          {t("pause.cancel")}
        </TouchButton>
      </div>
      {error !== null && errorText && (
        <div className="mt-3">
          <Notice testId="pause-error" notice={{ tone: "error", text: errorText }} title={t("pause.failed", { code: wo.code })} onDismiss={clearError} size="lg" />
        </div>
      )}
    </div>
  );
}
