import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import useSWR from "swr";
import { ScrapReason } from "@/lib/db/generated/enums";
import type { ApiError } from "../../api";
import { formatQty } from "../../format";
import { CompleteLots, hasLotFields, lotsBody, NO_LOTS_NAMED, type LotChoice, type WoLots } from "../../operator/CompleteLots";
import { useLotTarget } from "../../scan/lotTarget";
import { focusRing } from "../../ui/styles";
import { TouchButton } from "./TouchButton";

/** What a completion reports (POST /api/workorders/:id/complete); the defaults are left to the server. */
export interface CompletionBody {
  goodQty?: number;
  scrapQty?: number;
  scrapReason?: ScrapReason;
  /** On the work order that finishes its MO (components/operator/CompleteLots.tsx). */
  outputLotCode?: string;
  consumedLots?: { productId: string; lotId: string; quantity: number }[];
}

export interface CompletableWo {
  id: string;
  code: string;
  title: string;
  /** What reached this operation (the MO's quantity, or the previous operation's good units); absent on older screens' data. */
  reachedQty?: number;
}

interface Props {
  wo: CompletableWo;
  size: "lg" | "xl";
  busy: boolean;
  onConfirm: (body: CompletionBody) => void;
  onCancel: () => void;
}

const REASONS: readonly ScrapReason[] = Object.values(ScrapReason);

/**
 * The confirmation of "Complete" with the good and scrapped units: large −/+ steppers pre-filled
 * with the defaults (everything that reached the operation is good), so one tap on "Yes, complete"
 * accepts them. Scrap moves units out of good until good is changed by hand; a reason is offered
 * once something is scrapped (none chosen: the server records OTHER). On the work order whose
 * completion finishes the order, its lots (CompleteLots): a scanned lot label fills its component's field.
 */
export function CompletePanel({ wo, size, busy, onConfirm, onCancel }: Props) {
  const t = useTranslations("workorders");
  const reached = wo.reachedQty;
  const [scrap, setScrap] = useState(0);
  const [good, setGood] = useState<number | null>(null); // null: follows reached − scrap
  const [reason, setReason] = useState<ScrapReason | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  // Without a network there are no lot fields: the completion is queued and lots are picked automatically.
  const lotData = useSWR<WoLots, ApiError>(`/api/workorders/${encodeURIComponent(wo.id)}/lots`).data;
  const lotFields = hasLotFields(lotData) ? lotData : null;
  const [lots, setLots] = useState<LotChoice>(NO_LOTS_NAMED);
  useLotTarget(
    lotFields?.components.length
      ? (lot) => {
          const c = lotFields.components.find((x) => x.productId === lot.productId && x.lots.some((l) => l.id === lot.id));
          if (!c) return null;
          setLots((v) => ({ ...v, named: { ...v.named, [c.productId]: lot.id } }));
          return c.sku;
        }
      : null,
  );

  useEffect(() => {
    ref.current?.focus();
  }, []);

  const goodShown = good ?? (reached === undefined ? null : Math.max(0, reached - scrap));
  const over = reached !== undefined && goodShown !== null && goodShown + scrap > reached;
  const full = size === "xl" ? "flex-1" : "";

  function confirm() {
    const body: CompletionBody = {};
    if (good !== null) body.goodQty = good;
    if (scrap > 0) {
      body.scrapQty = scrap;
      if (reason) body.scrapReason = reason;
    }
    if (lotFields) Object.assign(body, lotsBody(lotFields, lots, { good: goodShown ?? lotFields.moQuantity - lotFields.scrappedBefore - scrap, scrap }));
    onConfirm(body);
  }

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-labelledby={`confirm-${wo.id}`}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !busy) onCancel();
      }}
      className="rounded-lg border-2 border-green-700 bg-green-50 p-4 outline-none"
      data-testid="confirm-complete"
    >
      <p id={`confirm-${wo.id}`} className="text-base font-semibold text-neutral-900">
        {t("actions.confirmTitle", { code: wo.code, title: wo.title })}
      </p>
      {reached !== undefined && <p className="mt-1 text-sm text-neutral-700">{t("complete.reached", { qty: formatQty(reached) })}</p>}
      <div className="mt-3 flex flex-wrap gap-4">
        <Stepper
          id={`good-${wo.id}`}
          label={t("complete.good")}
          value={goodShown}
          max={reached}
          disabled={busy}
          onChange={(v) => setGood(v)}
          testId="good-stepper"
        />
        <Stepper id={`scrap-${wo.id}`} label={t("complete.scrap")} value={scrap} max={reached} disabled={busy} onChange={setScrap} testId="scrap-stepper" />
      </div>
      {scrap > 0 && (
        <fieldset className="mt-3" data-testid="scrap-reasons">
          <legend className="text-sm font-semibold text-neutral-900">{t("complete.reasonLegend")}</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {REASONS.map((r) => (
              <button
                key={r}
                type="button"
                aria-pressed={reason === r}
                disabled={busy}
                onClick={() => setReason(reason === r ? null : r)}
                className={`h-12 min-w-24 rounded-lg border-2 px-4 text-base font-medium ${reason === r ? "border-green-800 bg-green-700 text-white" : "border-neutral-400 bg-white text-neutral-900 hover:bg-neutral-100"} ${focusRing}`}
              >
                {t(`complete.reason.${r}`)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {lotFields && <CompleteLots data={lotFields} value={lots} onChange={setLots} disabled={busy} woId={wo.id} />}
      {over && (
        <p className="mt-2 text-sm font-semibold text-red-800" role="alert">
          {t("complete.tooMany", { qty: formatQty(reached) })}
        </p>
      )}
      <p className="mt-2 text-sm text-neutral-700">{t("actions.confirmText")}</p>
      {/* "Yes" sits where Pause/Resume was and Cancel where Complete was, so a double tap cancels. */}
      <div className="mt-3 flex flex-wrap gap-3">
        <TouchButton tone="complete" size={size} className={full} busy={busy} disabled={over} onClick={confirm}>
          {t("actions.confirmYes")}
        </TouchButton>
        <TouchButton tone="neutral" size={size} className={full} disabled={busy} onClick={onCancel}>
          {t("actions.confirmCancel")}
        </TouchButton>
      </div>
    </div>
  );
}

interface StepperProps {
  id: string;
  label: string;
  value: number | null;
  max: number | undefined;
  disabled: boolean;
  onChange: (v: number) => void;
  testId: string;
}

/** A whole-number stepper with 64px −/+ buttons around a typed field (for gloves and for keyboards). */
function Stepper({ id, label, value, max, disabled, onChange, testId }: StepperProps) {
  const t = useTranslations("workorders");
  const v = value ?? 0;
  const btn = `h-16 w-16 shrink-0 rounded-lg border-2 border-neutral-400 bg-white text-3xl font-bold text-neutral-900 hover:bg-neutral-100 disabled:text-neutral-400 ${focusRing}`;
  return (
    <div className="min-w-56 flex-1" data-testid={testId}>
      <label htmlFor={id} className="block text-base font-semibold text-neutral-900">
        {label}
      </label>
      <div className="mt-1 flex items-center gap-2">
        <button type="button" className={btn} disabled={disabled || v <= 0} onClick={() => onChange(Math.max(0, v - 1))} aria-label={t("complete.less", { what: label })}>
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={max}
          step={1}
          value={value ?? ""}
          disabled={disabled}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (e.target.value !== "" && Number.isFinite(n) && n >= 0) onChange(Math.floor(n));
          }}
          className={`h-16 w-24 rounded-lg border-2 border-neutral-400 bg-white text-center text-2xl font-semibold text-neutral-900 ${focusRing}`}
        />
        <button type="button" className={btn} disabled={disabled || (max !== undefined && v >= max)} onClick={() => onChange(v + 1)} aria-label={t("complete.more", { what: label })}>
          +
        </button>
      </div>
    </div>
  );
}
