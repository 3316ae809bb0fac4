import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { isCountedUnit } from "@/lib/products/units";
import { hasAtMost4Decimals, MAX_DECIMAL } from "@/lib/validation/numbers";
import { manualAdjustmentInput, receiptInput } from "@/lib/stock/schemas";
import { formatQty, parseNumber } from "../format";
import { FormError } from "../forms/FormError";
import { sendWithKey } from "../forms/send";
import { useApiForm } from "../forms/useApiForm";
import { ProductPicker, type PickedProduct } from "../products/ProductPicker";
import { FieldError, TextAreaField, TextField } from "../ui/Field";
import { focusRing } from "../ui/styles";
import { PlaceFields, usePlace } from "./LocationLotFields";
import { ShortageList } from "./ShortageList";
import { shortagesOf } from "./shortages";
import type { MovementResult, ProductOption } from "./types";
import { FormActions } from "../forms/FormActions";

export type PostingMode = "receipt" | "adjust";

interface Props {
  mode: PostingMode;
  /** Preselected product (the row the form was opened from). */
  product: ProductOption | null;
  /** `serialLots`: the lots of a receipt of serials, whose labels the notice offers to print. */
  onPosted: (text: string, serialLots?: string[]) => void;
  onCancel: () => void;
}

/** A unit cost the API accepts: a number ≥ 0 with at most 4 decimals (lib/validation nonNegativeDecimal). */
function isUnitCost(n: number | null): boolean {
  return n !== null && Number.isFinite(n) && n >= 0 && hasAtMost4Decimals(n) && n < MAX_DECIMAL;
}

/** The serials typed one per line (blank lines left out). */
function serialsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The receipt form (POST /api/stock/receipts) and the manual adjustment form (POST /api/stock/manual).
 * An adjustment needs a reason and a direction; taking out more than is on hand is refused by the
 * API with the shortage list, which is shown as it comes. Both happen at a location (STOCK unless
 * chosen; a receipt never into a SCRAP location); a tracked product's receipt names its lot (LOT: a
 * code and an optional expiry) or its serials (SERIAL: one per unit), its adjustment the lot it
 * changes (docs/locations.md "Receipts").
 */
export function PostingForm({ mode, product: initial, onPosted, onCancel }: Props) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const t = useTranslations("stock");
  const f = useApiForm({
    id: initial ? `stock-${mode}:${initial.productId}` : `stock-${mode}`,
    schema: mode === "receipt" ? receiptInput : manualAdjustmentInput,
    defaultValues: {
      product: initial as PickedProduct | null,
      direction: "" as "" | "add" | "remove",
      quantity: "",
      locationId: "",
      lotId: "",
      lotCode: "",
      expiresAt: "",
      serials: "",
      unitCost: "",
      reference: "",
      note: "",
    },
    labels: {
      product: t("form.product"),
      direction: t("form.direction"),
      locationId: t("place.location"),
      lotId: t("place.lot"),
      lotCode: t("place.lotCode"),
      expiresAt: t("place.expiry"),
      serials: t("place.serials"),
      quantity: t("form.quantity"),
      unitCost: t("form.unitCost"),
      reference: t("form.reference"),
      note: mode === "adjust" ? t("form.reason") : t("form.note"),
    },
    aliases: { productId: "product", change: "quantity" },
    numbers: ["quantity", "unitCost"],
    check: (v) => {
      const qty = parseNumber(v.quantity);
      return {
        product: v.product ? undefined : t("form.errors.product"),
        // No default direction: adding instead of removing doubles a count error, so the person says which.
        direction: mode === "adjust" && !v.direction ? t("form.errors.direction") : undefined,
        quantity:
          qty === null
            ? t("form.errors.quantity")
            : qty <= 0
              ? t("form.errors.positive")
              : // The same rule as lib/products/units wholeQuantityIssue, in the person's language.
                v.product && isCountedUnit(v.product.uom) && Number.isFinite(qty) && !Number.isInteger(qty)
                ? t("form.errors.whole", { product: v.product.name, uom: v.product.uom.trim() })
                : undefined,
        note: mode === "adjust" && !v.note.trim() ? t("form.errors.reason") : undefined,
        unitCost: mode === "receipt" && v.unitCost.trim() && !isUnitCost(parseNumber(v.unitCost)) ? t("form.errors.unitCost") : undefined,
        // The API's lot rules (lib/inventory/receipt.ts), said before sending.
        lotId: mode === "adjust" && tracked && !v.lotId ? (tracking === "SERIAL" ? t("place.errors.serial") : t("place.errors.lot")) : undefined,
        lotCode: mode === "receipt" && tracking === "LOT" && !v.lotCode.trim() ? t("place.errors.lotCode") : undefined,
        serials: mode === "receipt" && tracking === "SERIAL" ? serialsCheck(serialsOf(v.serials), qty) : undefined,
      };
    },
    toBody: (v) => {
      const qty = parseNumber(v.quantity) ?? 0;
      const productId = v.product?.productId ?? "";
      const place = v.locationId ? { locationId: v.locationId } : {};
      if (mode === "adjust") return { productId, change: v.direction === "remove" ? -qty : qty, note: v.note.trim(), ...place, ...(tracked && v.lotId ? { lotId: v.lotId } : {}) };
      const unitCost = v.unitCost.trim() ? parseNumber(v.unitCost) : null;
      return {
        productId,
        quantity: qty,
        ...place,
        ...(tracking === "LOT" && v.lotCode.trim() ? { lotCode: v.lotCode.trim() } : {}),
        ...(tracking === "SERIAL" ? { serials: serialsOf(v.serials) } : {}),
        ...(tracked && v.expiresAt ? { expiresAt: v.expiresAt } : {}),
        ...(unitCost !== null ? { unitCost } : {}),
        ...(v.reference.trim() ? { reference: v.reference.trim() } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      };
    },
    send: (body, key) => sendWithKey<MovementResult>(mode === "receipt" ? "/api/stock/receipts" : "/api/stock/manual", "POST", body, key),
    onSuccess: (result, v) => {
      const p = v.product!;
      // A receipt of serials books one entry per serial: the receipt is all of them.
      const change = mode === "receipt" && result.entries ? result.entries.reduce((n, e) => n + e.change, 0) : result.entry.change;
      const verb = mode === "receipt" ? "received" : change > 0 ? "added" : "removed";
      const lots = result.lots?.map((l) => l.code) ?? (result.entry.lot ? [result.entry.lot.code] : []);
      f.discard();
      onPosted(
        `${t("form.posted", { verb, quantity: formatQty(Math.abs(change)), uom: p.uom, sku: p.sku, product: p.name, onHand: formatQty(result.onHand) })} ${t("place.bookedAt", {
          location: result.entry.location.code,
          count: lots.length,
          lots: lots.join(", "),
          serial: tracking === "SERIAL" ? "yes" : "no",
        })}`,
        mode === "receipt" && tracking === "SERIAL" ? result.lots?.map((l) => l.id) : undefined,
      );
    },
  });
  const { register, fieldError: err, form } = f;
  const product = form.watch("product");
  const direction = form.watch("direction");
  const locationId = form.watch("locationId");
  const lotId = form.watch("lotId");
  const serialCount = serialsOf(form.watch("serials")).length;
  const shortages = shortagesOf(f.failure);
  const place = usePlace(product?.productId, locationId, lotId, mode === "adjust");
  const { tracking, tracked, here } = place;
  const hereName = place.stockHere.data?.code ?? "";
  const set = (name: "locationId" | "lotId", value: string) => form.setValue(name, value, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });

  /** The serials must be one per unit of the quantity, none twice (the API's rules). */
  function serialsCheck(serials: string[], qty: number | null): string | undefined {
    if (!serials.length) return t("place.errors.serials");
    if (new Set(serials).size !== serials.length) return t("place.errors.serialRepeated");
    if (qty !== null && Number.isFinite(qty) && serials.length !== qty) return t("place.errors.serialCount", { count: serials.length, quantity: formatQty(qty) });
    return undefined;
  }

  // Opened from a row further down: bring the form into view and put the focus on it. Opened from
  // the buttons above, the focus goes to the heading too: the product search never takes it by
  // itself (on a tablet the keyboard and the list of matches would cover the form).
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: "nearest" });
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  return (
    <form onSubmit={f.onSubmit} noValidate aria-labelledby={`${id}-title`} data-testid={`${mode}-form`} className="rounded-lg border border-neutral-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-neutral-900 outline-none">
        {mode === "receipt" ? t("form.receipt.title") : t("form.adjust.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{mode === "receipt" ? t("form.receipt.intro") : t("form.adjust.intro")}</p>
      <FormError form={f} title={mode === "receipt" ? t("form.receipt.failed") : t("form.adjust.failed")} className="mt-4">
        {shortages && <ShortageList shortages={shortages} />}
      </FormError>
      <div className="mt-5 grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <ProductPicker
            label={t("form.product")}
            source="stock"
            value={product}
            onChange={(p) => {
              form.setValue("product", p, { shouldDirty: true });
              // Lots belong to one product.
              set("lotId", "");
            }}
            error={err("product")}
          />
        </div>
        <PlaceFields
          place={place}
          product={product}
          locationId={locationId}
          lotId={lotId}
          set={set}
          withLot={mode === "adjust"}
          includeOtherLots={direction === "add"}
          excludeKinds={mode === "receipt" ? ["SCRAP"] : []}
          hint={mode === "receipt" ? t("place.receiptHint") : undefined}
          error={err}
        />
        {mode === "adjust" && (
          <fieldset className="sm:col-span-2">
            <legend className="mb-1.5 block text-sm font-medium text-neutral-800">{t("form.direction")}</legend>
            <div className="grid grid-cols-2 gap-2 sm:max-w-md">
              <Choice name={`${id}-dir`} checked={direction === "remove"} onChange={() => form.setValue("direction", "remove", { shouldDirty: true })} label={t("form.remove")} />
              <Choice name={`${id}-dir`} checked={direction === "add"} onChange={() => form.setValue("direction", "add", { shouldDirty: true })} label={t("form.add")} />
            </div>
            <FieldError error={err("direction")} />
          </fieldset>
        )}
        <TextField
          label={product ? t("form.quantityIn", { uom: product.uom }) : t("form.quantity")}
          inputMode={product && isCountedUnit(product.uom) ? "numeric" : "decimal"}
          autoComplete="off"
          {...register("quantity")}
          error={err("quantity")}
          hint={
            mode === "adjust" && product && here !== undefined
              ? t("place.onHandHere", { quantity: formatQty(here), uom: product.uom, location: hereName })
              : mode === "adjust" && product?.onHand !== undefined
                ? t("form.onHandNow", { quantity: formatQty(product.onHand), uom: product.uom })
                : mode === "receipt" && tracking === "SERIAL"
                  ? t("place.oneSerialPerUnit")
                  : undefined
          }
        />
        {mode === "receipt" && tracking === "LOT" && <TextField label={t("place.lotCode")} autoComplete="off" maxLength={100} {...register("lotCode")} error={err("lotCode")} aria-required />}
        {mode === "receipt" && tracking === "SERIAL" && (
          <TextAreaField
            label={t("place.serialsOnePerLine")}
            rows={3}
            autoComplete="off"
            spellCheck={false}
            {...register("serials")}
            error={err("serials")}
            hint={t("place.serialCount", { count: serialCount })}
            aria-required
            className="min-h-0 py-2"
          />
        )}
        {mode === "receipt" && tracked && <TextField label={t("place.expiryOptional")} type="date" {...register("expiresAt")} error={err("expiresAt")} />}
        {mode === "receipt" && (
          <TextField
            label={t("form.unitCostOptional")}
            inputMode="decimal"
            autoComplete="off"
            {...register("unitCost")}
            error={err("unitCost")}
            hint={product ? t("form.unitCostHint", { uom: product.uom }) : undefined}
          />
        )}
        {mode === "receipt" && (
          <TextField label={t("form.referenceOptional")} placeholder={t("form.referencePlaceholder")} maxLength={100} {...register("reference")} error={err("reference")} />
        )}
        <div className="sm:col-span-2">
          <TextAreaField label={mode === "adjust" ? t("form.reason") : t("form.noteOptional")} rows={2} maxLength={500} {...register("note")} aria-required={mode === "adjust" || undefined} error={err("note")} className="min-h-0 py-2" />
        </div>
      </div>
      <FormActions form={f} submit={mode === "receipt" ? t("form.receipt.submit") : t("form.adjust.submit")} onCancel={onCancel} className="mt-6 flex flex-wrap gap-3" />
    </form>
  );
}

function Choice({ name, checked, onChange, label }: { name: string; checked: boolean; onChange: () => void; label: string }) {
  return (
    <label
      className={`flex h-12 cursor-pointer items-center justify-center gap-2 rounded-md border-2 px-3 text-base font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-600 has-[:focus-visible]:ring-offset-2 ${
        checked ? "border-neutral-900 bg-white text-neutral-900" : "border-neutral-300 bg-white text-neutral-700"
      }`}
    >
      <input type="radio" name={name} checked={checked} onChange={onChange} className={`h-5 w-5 accent-neutral-900 ${focusRing}`} />
      {label}
    </label>
  );
}
