import { useTranslations } from "next-intl";
import type { WoCompletionLots } from "@/lib/manufacturing/wo-lots";
import type { Jsonify } from "@/types/json";
import { formatDate, formatQty } from "../format";
import { focusRing } from "../ui/styles";

/** GET /api/workorders/:id/lots, as the browser receives it. */
export type WoLots = Jsonify<WoCompletionLots>;

/** What the operator chose: the output lot code (null: the order number) and, per component, a named lot. */
export interface LotChoice {
  outputLotCode: string | null;
  /** productId → lotId; a component left out is picked first expiry first. */
  named: Record<string, string>;
}

export const NO_LOTS_NAMED: LotChoice = { outputLotCode: null, named: {} };

/** Whether the completion has lots to name: it finishes the order and something in it is tracked. */
export function hasLotFields(data: WoLots | undefined): data is WoLots {
  return !!data?.finishesMo && (data.output.tracking !== "NONE" || data.components.length > 0);
}

/**
 * The body part of a completion that names lots (POST /api/workorders/:id/complete, as the MO screen's
 * CompletionLots does): the output lot code when changed, and each named lot for what the order
 * consumes of that component — qty per unit × (good + scrap here + scrap of the earlier operations),
 * at most what the lot has where the order takes from; anything more is picked first expiry first.
 */
export function lotsBody(data: WoLots, choice: LotChoice, used: { good: number; scrap: number }): { outputLotCode?: string; consumedLots?: { productId: string; lotId: string; quantity: number }[] } {
  const code = choice.outputLotCode?.trim();
  const units = used.good + used.scrap + data.scrappedBefore;
  const consumedLots = data.components.flatMap((c) => {
    const lot = c.lots.find((l) => l.id === choice.named[c.productId]);
    if (!lot) return [];
    const quantity = Math.round(Math.min(lot.available, c.qtyPerUnit * units) * 10_000) / 10_000;
    return quantity > 0 ? [{ productId: c.productId, lotId: lot.id, quantity }] : [];
  });
  return {
    ...(data.output.tracking !== "NONE" && code && code !== data.orderNo ? { outputLotCode: code } : {}),
    ...(consumedLots.length ? { consumedLots } : {}),
  };
}

/**
 * The Complete panel's lots (docs/locations.md "Manufacturing orders", docs/scanning.md): on the work
 * order whose completion finishes the order, the output lot code of a tracked product (the order
 * number unless changed) and a lot per lot-tracked component (default: first expiry first, automatic).
 * Big fields for the tablet; scanning a lot's label picks it here (components/scan/lotTarget.ts).
 * The words are the MO screen's (mos.completeLots, components/mos/detail/CompletionLots.tsx).
 */
export function CompleteLots({ data, value, onChange, disabled, woId }: { data: WoLots; value: LotChoice; onChange: (v: LotChoice) => void; disabled: boolean; woId: string }) {
  const t = useTranslations("mos.completeLots");
  const tw = useTranslations("workorders.completeLots");
  const field = `block h-14 w-full rounded-lg border-2 border-neutral-400 bg-white px-3 text-lg text-neutral-900 disabled:bg-neutral-100 ${focusRing}`;
  return (
    <fieldset className="mt-3 space-y-3 rounded-lg border border-neutral-300 bg-white p-3" data-testid="wo-completion-lots">
      <legend className="px-1 text-base font-semibold text-neutral-900">{t("title")}</legend>
      {data.output.tracking !== "NONE" && (
        <div>
          <label htmlFor={`outlot-${woId}`} className="block text-base font-semibold text-neutral-900">
            {t("outputLot")}
          </label>
          <input
            id={`outlot-${woId}`}
            value={value.outputLotCode ?? data.orderNo}
            maxLength={100}
            disabled={disabled}
            autoComplete="off"
            onChange={(e) => onChange({ ...value, outputLotCode: e.target.value })}
            className={`${field} font-mono`}
            data-testid="output-lot-code"
          />
          <p className="mt-1 text-sm text-neutral-700">{data.output.tracking === "SERIAL" ? t("outputSerialHint", { orderNo: data.orderNo }) : t("outputHint", { orderNo: data.orderNo })}</p>
        </div>
      )}
      {data.components.length > 0 && (
        <p className="text-sm text-neutral-700">
          {t("componentsHint")} {tw("scanHint")}
        </p>
      )}
      {data.components.map((c) => (
        <div key={c.productId} data-testid="wo-component-lot" data-sku={c.sku}>
          <label htmlFor={`lot-${woId}-${c.productId}`} className="block text-base font-semibold text-neutral-900">
            {t("lotOf", { sku: c.sku })}
          </label>
          <select
            id={`lot-${woId}-${c.productId}`}
            value={value.named[c.productId] ?? ""}
            disabled={disabled}
            onChange={(e) => onChange({ ...value, named: { ...value.named, [c.productId]: e.target.value } })}
            className={field}
          >
            <option value="">{t("fefo")}</option>
            {c.lots.map((l) => (
              <option key={l.id} value={l.id}>
                {l.expiresAt ? t("lotOptionExpiry", { code: l.code, qty: formatQty(l.available, c.uom), date: formatDate(l.expiresAt) }) : t("lotOption", { code: l.code, qty: formatQty(l.available, c.uom) })}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
