import { useTranslations } from "next-intl";
import { useId } from "react";
import type { transferStock } from "@/lib/inventory/transfer";
import { isCountedUnit } from "@/lib/products/units";
import { transferInput } from "@/lib/stock/schemas";
import type { JsonOutcome } from "@/types/json";
import { formatQty, parseNumber } from "../../format";
import { FormActions } from "../../forms/FormActions";
import { FormError } from "../../forms/FormError";
import { sendWithKey } from "../../forms/send";
import { useApiForm } from "../../forms/useApiForm";
import { ProductPicker, type PickedProduct } from "../../products/ProductPicker";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { shortagesOf } from "../shortages";
import { expiryText, linesOf, onHandOf, useLocationList, useLocationStock, useProductTracking, type LocationItem } from "./places";

export type TransferResult = JsonOutcome<typeof transferStock>;

interface Props {
  /** Called after a transfer was booked, with the sentence that says what moved. */
  onTransferred: (text: string) => void;
}

/**
 * The transfer form (POST /api/stock/transfers): a product moves from one location to another, with
 * its lot when it is tracked. The on-hand at the source is shown under the quantity; a refusal (not
 * enough at the source, a field) is shown in the form, the shortage with its location and lot.
 */
export function TransferForm({ onTransferred }: Props) {
  const t = useTranslations("moves");
  const id = useId();
  const locations = useLocationList();
  const f = useApiForm({
    id: "stock-transfer",
    schema: transferInput,
    defaultValues: { product: null as PickedProduct | null, fromLocationId: "", toLocationId: "", lotId: "", quantity: "", note: "" },
    labels: {
      product: t("transfer.product"),
      fromLocationId: t("transfer.from"),
      toLocationId: t("transfer.to"),
      lotId: t("transfer.lot"),
      quantity: t("transfer.quantity"),
      note: t("transfer.note"),
    },
    aliases: { productId: "product" },
    numbers: ["quantity"],
    check: (v): Partial<Record<"product" | "toLocationId" | "lotId" | "quantity", string>> => {
      const qty = parseNumber(v.quantity);
      const from = v.fromLocationId || locations.stockId;
      return {
        product: v.product ? undefined : t("transfer.errors.product"),
        toLocationId: !v.toLocationId ? t("transfer.errors.to") : v.toLocationId === from ? t("transfer.errors.same") : undefined,
        lotId: tracked && !v.lotId ? t("transfer.errors.lot") : undefined,
        quantity:
          qty === null
            ? t("transfer.errors.quantity")
            : qty <= 0
              ? t("transfer.errors.positive")
              : v.product && isCountedUnit(v.product.uom) && Number.isFinite(qty) && !Number.isInteger(qty)
                ? t("transfer.errors.whole", { uom: v.product.uom.trim() })
                : undefined,
      };
    },
    toBody: (v) => ({
      productId: v.product?.productId ?? "",
      quantity: parseNumber(v.quantity) ?? 0,
      fromLocationId: v.fromLocationId || locations.stockId,
      toLocationId: v.toLocationId,
      ...(tracked && v.lotId ? { lotId: v.lotId } : {}),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    }),
    send: (body, key) => sendWithKey<TransferResult>("/api/stock/transfers", "POST", body, key),
    onSuccess: (r, v) => {
      const p = v.product!;
      f.discard();
      onTransferred(
        t("transfer.done", {
          quantity: formatQty(r.in.change),
          uom: p.uom,
          sku: p.sku,
          from: r.out.location.code,
          to: r.in.location.code,
          lot: r.in.lot?.code ?? "",
          hasLot: r.in.lot ? "yes" : "no",
        }),
      );
    },
  });
  const { register, fieldError: err, form } = f;
  const product = form.watch("product");
  const fromLocationId = form.watch("fromLocationId") || locations.stockId;
  const toLocationId = form.watch("toLocationId");
  const lotId = form.watch("lotId");
  const source = useLocationStock(fromLocationId || null);
  const tracking = useProductTracking(product?.productId);
  // Until the product is read, stock kept in lots at the source says it is tracked.
  const tracked: boolean = tracking ? tracking !== "NONE" : linesOf(source.data, product?.productId).some((l) => l.lot);
  const lots = linesOf(source.data, product?.productId).filter((l) => l.lot);
  const onHand = onHandOf(source.data, product?.productId, tracked ? lotId || undefined : undefined);
  const shortages = shortagesOf(f.failure);
  const set = (name: "fromLocationId" | "toLocationId" | "lotId", value: string) => form.setValue(name, value, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });

  return (
    <form onSubmit={f.onSubmit} noValidate aria-labelledby={`${id}-title`} data-testid="transfer-form" className="rounded-lg border border-neutral-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-neutral-900">
        {t("transfer.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("transfer.intro")}</p>
      <FormError form={f} title={t("transfer.failed")} className="mt-4">
        {shortages && shortages.length > 0 && (
          <ul className="mt-2 divide-y divide-red-200 rounded-md border border-red-200 bg-white" data-testid="transfer-shortages" aria-label={t("transfer.shortagesLabel")}>
            {shortages.map((s, i) => {
              const at = s as { locationCode?: string; lotCode?: string | null };
              return (
                <li key={i} className="px-3 py-2 text-sm text-neutral-800">
                  {t("transfer.shortage", {
                    sku: s.sku,
                    name: s.name,
                    location: at.locationCode ?? "",
                    lot: at.lotCode ?? "",
                    hasLot: at.lotCode ? "yes" : "no",
                    onHand: formatQty(s.onHand),
                    required: formatQty(s.required),
                    shortBy: formatQty(s.shortBy),
                    uom: s.uom,
                  })}
                </li>
              );
            })}
          </ul>
        )}
      </FormError>
      <div className="mt-5 grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <ProductPicker
            label={t("transfer.product")}
            source="stock"
            value={product}
            testId="transfer-product"
            onChange={(p) => {
              form.setValue("product", p, { shouldDirty: true });
              set("lotId", "");
            }}
            error={err("product")}
          />
        </div>
        <LocationField
          label={t("transfer.from")}
          locations={locations.items}
          value={fromLocationId}
          onChange={(v) => {
            set("fromLocationId", v);
            set("lotId", "");
          }}
          error={err("fromLocationId")}
          testId="transfer-from"
        />
        <LocationField label={t("transfer.to")} locations={locations.items} value={toLocationId} onChange={(v) => set("toLocationId", v)} error={err("toLocationId")} testId="transfer-to" choose={t("transfer.chooseTo")} />
        {product && tracked && (
          <SelectField label={t("transfer.lot")} value={lotId} onChange={(e) => set("lotId", e.target.value)} error={err("lotId")} aria-required data-testid="transfer-lot" hint={source.data && !lots.length ? t("transfer.noLots", { sku: product.sku, location: source.data.code }) : undefined}>
            <option value="">{t("transfer.chooseLot")}</option>
            {lots.map((l) => (
              <option key={l.lot!.id} value={l.lot!.id}>
                {t("transfer.lotOption", { code: l.lot!.code, expiry: expiryText(l.lot!.expiresAt) ?? "", hasExpiry: l.lot!.expiresAt ? "yes" : "no", onHand: formatQty(l.onHand), uom: product.uom })}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={product ? t("transfer.quantityIn", { uom: product.uom }) : t("transfer.quantity")}
          inputMode={product && isCountedUnit(product.uom) ? "numeric" : "decimal"}
          autoComplete="off"
          {...register("quantity")}
          error={err("quantity")}
          hint={product && onHand !== undefined && source.data ? t("transfer.onHandAt", { quantity: formatQty(onHand), uom: product.uom, location: source.data.code }) : undefined}
        />
        <div className="sm:col-span-2">
          <TextAreaField label={t("transfer.noteOptional")} rows={2} maxLength={500} {...register("note")} error={err("note")} className="min-h-0 py-2" />
        </div>
      </div>
      <FormActions form={f} submit={t("transfer.submit")} cancel={t("transfer.clear")} onCancel={() => undefined} className="mt-6 flex flex-wrap gap-3" />
    </form>
  );
}

interface LocationFieldProps {
  label: string;
  locations: LocationItem[] | undefined;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  testId: string;
  /** The empty first option ("Choose…"); left out when a location is always chosen. */
  choose?: string;
}

/** A select of the active locations by code, name and kind. */
export function LocationField({ label, locations, value, onChange, error, testId, choose }: LocationFieldProps) {
  const t = useTranslations("moves");
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)} error={error} data-testid={testId} disabled={!locations} aria-required>
      {(choose !== undefined || !locations) && <option value="">{locations ? choose : t("place.loading")}</option>}
      {(locations ?? []).map((l) => (
        <option key={l.id} value={l.id}>
          {/* A name that only repeats the code ("Stock" for STOCK) is left out. */}
          {t("place.option", { code: l.code, name: l.name, same: l.name.toLocaleLowerCase() === l.code.toLocaleLowerCase() ? "yes" : "no", kind: l.kind })}
        </option>
      ))}
    </SelectField>
  );
}
