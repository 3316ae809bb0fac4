import { useTranslations } from "next-intl";
import type { Path } from "react-hook-form";
import useSWR from "swr";
import type { ApiError } from "../../api";
import { formatDate, formatQty } from "../../format";
import type { ApiForm } from "../../forms/useApiForm";
import { SelectField, TextField } from "../../ui/Field";
import type { MoDetail } from "../types";

/** What the completion form holds about lots: the output lot code and, per tracked component, one named lot. */
export interface LotValues {
  outputLotCode: string;
  /** materialId → the lot the operator names ("" = picked first-expiry-first-out) and how much of it. */
  lots: Record<string, { lotId: string; quantity: string }>;
}

interface LotItem {
  id: string;
  code: string;
  expiresAt: string | null;
  onHand: number;
}

/**
 * The body part for the API: outputLotCode when typed, consumedLots for the components given a lot (an
 * empty quantity means all of that component the order needs: `required(productId)`).
 */
export function completionLotsBody(
  v: LotValues,
  parse: (s: string) => number | null,
  required: (productId: string) => number,
): { outputLotCode?: string; consumedLots?: { productId: string; lotId: string; quantity: number | null }[] } {
  const named = Object.entries(v.lots ?? {}).filter(([, l]) => l.lotId);
  return {
    ...(v.outputLotCode.trim() ? { outputLotCode: v.outputLotCode.trim() } : {}),
    ...(named.length ? { consumedLots: named.map(([productId, l]) => ({ productId, lotId: l.lotId, quantity: l.quantity.trim() ? parse(l.quantity) : required(productId) })) } : {}),
  };
}

/** The form's starting values: nothing named. */
export function emptyLotValues(): LotValues {
  return { outputLotCode: "", lots: {} };
}

function ComponentLot<V extends LotValues>({ form, material }: { form: ApiForm<V>; material: MoDetail["materials"][number] }) {
  const t = useTranslations("mos");
  const { data } = useSWR<{ items: LotItem[] }, ApiError>(`/api/lots?productId=${encodeURIComponent(material.productId)}`);
  const lots = (data?.items ?? []).filter((l) => l.onHand > 0);
  const base = `lots.${material.productId}` as const;
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="component-lot" data-sku={material.sku}>
      <SelectField label={t("completeLots.lotOf", { sku: material.sku })} {...form.register(`${base}.lotId` as Path<V>)}>
        <option value="">{t("completeLots.fefo")}</option>
        {lots.map((l) => (
          <option key={l.id} value={l.id}>
            {l.expiresAt ? t("completeLots.lotOptionExpiry", { code: l.code, qty: formatQty(l.onHand, material.uom), date: formatDate(l.expiresAt) }) : t("completeLots.lotOption", { code: l.code, qty: formatQty(l.onHand, material.uom) })}
          </option>
        ))}
      </SelectField>
      <TextField label={t("completeLots.quantityIn", { uom: material.uom })} inputMode="decimal" hint={t("completeLots.quantityHint")} {...form.register(`${base}.quantity` as Path<V>)} />
    </div>
  );
}

/**
 * Lots at completion (docs/locations.md "Manufacturing orders"): the output lot code of a LOT or SERIAL
 * product (empty: the order number) and, for lot-tracked components, a lot the operator names (the
 * rest, and components left on "first expiry first", are picked first-expiry-first-out).
 */
export function CompletionLotFields<V extends LotValues>({ form, mo }: { form: ApiForm<V>; mo: MoDetail }) {
  const t = useTranslations("mos");
  const trackedOutput = mo.product.tracking !== "NONE";
  const tracked = mo.materials.filter((m) => m.tracking !== "NONE");
  if (!trackedOutput && !tracked.length) return null;
  return (
    <fieldset className="max-w-xl space-y-3 rounded-md border border-neutral-300 p-3" data-testid="completion-lots">
      <legend className="px-1 text-sm font-semibold text-neutral-900">{t("completeLots.title")}</legend>
      {trackedOutput && (
        <TextField
          label={t("completeLots.outputLot")}
          maxLength={100}
          placeholder={mo.orderNo}
          hint={mo.product.tracking === "SERIAL" ? t("completeLots.outputSerialHint", { orderNo: mo.orderNo }) : t("completeLots.outputHint", { orderNo: mo.orderNo })}
          {...form.register("outputLotCode" as Path<V>)}
          error={form.fieldError("outputLotCode")}
        />
      )}
      {tracked.length > 0 && <p className="text-sm text-neutral-600">{t("completeLots.componentsHint")}</p>}
      {tracked.map((m) => (
        <ComponentLot key={m.productId} form={form} material={m} />
      ))}
    </fieldset>
  );
}
