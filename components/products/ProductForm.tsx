import { useTranslations } from "next-intl";
import { useId } from "react";
import type { Tracking } from "@/lib/db/generated/enums";
import { createProductInput, updateProductInput } from "@/lib/products/schemas";
import { ApiError } from "../api";
import { numberOrNull, RecordFormShell, useRecordForm } from "../forms/RecordForm";
import { FieldError, TextAreaField, TextField } from "../ui/Field";
import { focusRing } from "../ui/styles";
import type { Product } from "./types";

interface Values {
  sku: string;
  name: string;
  description: string;
  isFinished: boolean;
  uom: string;
  unitCost: string;
  reorderPoint: string;
  tracking: Tracking;
}

/** The tracking choices in the order the form lists them (docs/locations.md "Model"). */
const TRACKINGS: readonly Tracking[] = ["NONE", "LOT", "SERIAL"];

function valuesOf(p: Product | null): Values {
  return {
    sku: p?.sku ?? "",
    name: p?.name ?? "",
    description: p?.description ?? "",
    isFinished: p?.isFinished ?? false,
    uom: p?.uom ?? "pcs",
    unitCost: p?.unitCost === null || p?.unitCost === undefined ? "" : String(p.unitCost),
    reorderPoint: p?.reorderPoint === null || p?.reorderPoint === undefined ? "" : String(p.reorderPoint),
    tracking: p?.tracking ?? "NONE",
  };
}

function bodyOf(v: Values): Record<string, unknown> {
  return {
    sku: v.sku.trim(),
    name: v.name.trim(),
    description: v.description.trim() || null,
    isFinished: v.isFinished,
    uom: v.uom.trim(),
    unitCost: numberOrNull(v.unitCost),
    reorderPoint: numberOrNull(v.reorderPoint),
    tracking: v.tracking,
  };
}

/** Creates a product (POST) or edits one (PATCH, only the changed fields). */
export function ProductForm({ product, onSaved, onCancel }: { product: Product | null; onSaved: (p: Product) => void; onCancel: () => void }) {
  const t = useTranslations("products");
  // The fields' names in the person's language: the form layer puts them in front of validation messages.
  const labels = { sku: t("form.sku"), name: t("form.name"), description: t("form.description"), isFinished: t("form.kind"), uom: t("form.uom"), unitCost: t("form.unitCost"), reorderPoint: t("form.reorderPoint"), tracking: t("form.tracking") };
  const f = useRecordForm({
    kind: "product",
    record: product,
    url: "/api/products",
    createSchema: createProductInput,
    updateSchema: updateProductInput,
    valuesOf,
    bodyOf,
    labels,
    numbers: ["unitCost", "reorderPoint"],
    onSaved,
    onCancel,
  });
  const kindName = useId();
  const trackingName = useId();
  const isFinished = f.form.watch("isFinished");
  const tracking = f.form.watch("tracking");
  const { register, fieldError: err } = f;
  // A 409 on a save that changed the tracking (and not the SKU, the other 409) is the API refusing it
  // while stock is on hand: said at the field, in the person's language, besides the box above.
  const trackingRefused =
    product !== null && f.failure instanceof ApiError && f.failure.status === 409 && tracking !== product.tracking && f.form.getValues("sku").trim() === product.sku
      ? t("form.trackingLocked", { sku: product.sku })
      : undefined;

  const radio = (checked: boolean, label: string, hint: string, value: boolean) => (
    <label className={`flex min-h-12 flex-1 cursor-pointer items-start gap-3 rounded-md border px-3 py-2.5 ${checked ? "border-blue-600 bg-blue-50" : "border-neutral-300 bg-white"} has-focus-visible:ring-2 has-focus-visible:ring-blue-600`}>
      <input type="radio" name={kindName} className={`mt-1 h-4 w-4 ${focusRing}`} checked={checked} onChange={() => f.form.setValue("isFinished", value, { shouldDirty: true })} />
      <span>
        <span className="block text-sm font-medium text-neutral-900">{label}</span>
        <span className="block text-xs text-neutral-600">{hint}</span>
      </span>
    </label>
  );

  return (
    <RecordFormShell form={f} title={product ? t("form.editTitle", { sku: product.sku }) : t("form.newTitle")} noun={t("form.noun")} editing={product !== null} onCancel={onCancel}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("form.sku")} required maxLength={64} autoCapitalize="characters" spellCheck={false} {...register("sku")} error={err("sku")} autoFocus={!product} />
        <TextField label={t("form.name")} required maxLength={200} {...register("name")} error={err("name")} />
        <fieldset className="sm:col-span-2">
          <legend className="mb-1.5 text-sm font-medium text-neutral-800">{t("form.kind")}</legend>
          <div className="flex flex-col gap-3 sm:flex-row">
            {radio(isFinished, t("form.finished"), t("form.finishedHint"), true)}
            {radio(!isFinished, t("form.material"), t("form.materialHint"), false)}
          </div>
        </fieldset>
        <fieldset className="sm:col-span-2" aria-describedby={trackingRefused ? `${trackingName}-error` : `${trackingName}-hint`} data-testid="product-tracking">
          <legend className="mb-1.5 text-sm font-medium text-neutral-800">{t("form.tracking")}</legend>
          <div className="flex flex-col gap-3 sm:flex-row">
            {TRACKINGS.map((k) => (
              <label
                key={k}
                className={`flex min-h-12 flex-1 cursor-pointer items-start gap-3 rounded-md border px-3 py-2.5 ${tracking === k ? "border-blue-600 bg-blue-50" : "border-neutral-300 bg-white"} has-focus-visible:ring-2 has-focus-visible:ring-blue-600`}
              >
                <input type="radio" name={trackingName} value={k} className={`mt-1 h-4 w-4 ${focusRing}`} checked={tracking === k} onChange={() => f.form.setValue("tracking", k, { shouldDirty: true })} />
                <span>
                  <span className="block text-sm font-medium text-neutral-900">{t(`form.trackingOption.${k}`)}</span>
                  <span className="block text-xs text-neutral-600">{t(`form.trackingHint.${k}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {trackingRefused ? (
            <FieldError id={`${trackingName}-error`} error={trackingRefused} />
          ) : (
            <p id={`${trackingName}-hint`} className="mt-1.5 text-sm text-neutral-500">
              {t("form.trackingRule")}
            </p>
          )}
        </fieldset>
        <TextField label={t("form.uom")} required maxLength={20} {...register("uom")} error={err("uom")} hint={t("form.uomHint")} />
        <TextField label={t("form.unitCostOptional")} inputMode="decimal" {...register("unitCost")} error={err("unitCost")} />
        <TextField label={t("form.reorderPointOptional")} inputMode="decimal" {...register("reorderPoint")} error={err("reorderPoint")} hint={t("form.reorderPointHint")} />
        <div className="sm:col-span-2">
          <TextAreaField label={t("form.descriptionOptional")} maxLength={2000} {...register("description")} error={err("description")} className="min-h-16" />
        </div>
      </div>
    </RecordFormShell>
  );
}
