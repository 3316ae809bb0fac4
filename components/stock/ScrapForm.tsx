import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import useSWR from "swr";
import { isCountedUnit } from "@/lib/products/units";
import { SCRAP_REASONS, scrapInput } from "@/lib/stock/schemas";
import type { ApiError } from "../api";
import { formatQty, parseNumber } from "../format";
import { FormActions } from "../forms/FormActions";
import { FormError } from "../forms/FormError";
import { sendWithKey } from "../forms/send";
import { useApiForm } from "../forms/useApiForm";
import type { MoListItem } from "../mos/types";
import { ProductPicker, type PickedProduct } from "../products/ProductPicker";
import type { Page } from "../types";
import { SelectField, TextAreaField, TextField } from "../ui/Field";
import { useDebounced } from "../useDebounced";
import { PlaceFields, usePlace } from "./LocationLotFields";
import { ShortageList } from "./ShortageList";
import { shortagesOf } from "./shortages";
import type { MovementResult, ProductOption, ScrapReason } from "./types";

interface Props {
  /** Preselected product (the row the form was opened from). */
  product: ProductOption | null;
  onPosted: (text: string) => void;
  onCancel: () => void;
}

/**
 * The scrap form (POST /api/stock/scrap): product, quantity, a reason from the fixed list, and the
 * order the scrap belongs to when there is one (found by its number or name). Scrapping more than is
 * on hand is refused by the API with the shortage list, shown as it comes. The scrap is taken from a
 * location (STOCK unless chosen) and, for a tracked product, from one of its lots there.
 */
export function ScrapForm({ product: initial, onPosted, onCancel }: Props) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const t = useTranslations("stock");
  const f = useApiForm({
    id: initial ? `stock-scrap:${initial.productId}` : "stock-scrap",
    schema: scrapInput,
    defaultValues: { product: initial as PickedProduct | null, locationId: "", lotId: "", quantity: "", reason: "" as ScrapReason | "", orderSearch: "", moId: "", note: "" },
    labels: {
      product: t("form.product"),
      locationId: t("place.location"),
      lotId: t("place.lot"),
      quantity: t("form.quantity"),
      reason: t("form.reason"),
      orderSearch: t("form.orderSearch"),
      moId: t("form.order"),
      note: t("form.noteOptional"),
    },
    aliases: { productId: "product" },
    numbers: ["quantity"],
    // The picked order is named by the search that found it: a kept draft would restore an id without its name.
    notKept: ["orderSearch", "moId"],
    check: (v) => {
      const qty = parseNumber(v.quantity);
      return {
        product: v.product ? undefined : t("form.errors.product"),
        quantity:
          qty === null
            ? t("form.errors.quantity")
            : qty <= 0
              ? t("form.errors.positive")
              : v.product && isCountedUnit(v.product.uom) && Number.isFinite(qty) && !Number.isInteger(qty)
                ? t("form.errors.whole", { product: v.product.name, uom: v.product.uom.trim() })
                : undefined,
        reason: v.reason ? undefined : t("form.errors.scrapReason"),
        lotId: tracked && !v.lotId ? (tracking === "SERIAL" ? t("place.errors.serial") : t("place.errors.lot")) : undefined,
      };
    },
    toBody: (v) => ({
      productId: v.product?.productId ?? "",
      quantity: parseNumber(v.quantity) ?? 0,
      reason: v.reason,
      ...(v.locationId ? { locationId: v.locationId } : {}),
      ...(tracked && v.lotId ? { lotId: v.lotId } : {}),
      ...(v.moId ? { moId: v.moId } : {}),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    }),
    send: (body, key) => sendWithKey<MovementResult>("/api/stock/scrap", "POST", body, key),
    onSuccess: (result, v) => {
      const p = v.product!;
      f.discard();
      onPosted(
        `${t("form.scrapped", {
          quantity: formatQty(Math.abs(result.entry.change)),
          uom: p.uom,
          sku: p.sku,
          product: p.name,
          reason: t(`scrapReason.${v.reason as ScrapReason}`),
          onHand: formatQty(result.onHand),
        })} ${t("place.bookedAt", {
          location: result.entry.location.code,
          count: result.entry.lot ? 1 : 0,
          lots: result.entry.lot?.code ?? "",
          serial: tracking === "SERIAL" ? "yes" : "no",
        })}`,
      );
    },
  });
  const { register, fieldError: err, form } = f;
  const product = form.watch("product");
  const search = useDebounced(form.watch("orderSearch").trim());
  const moId = form.watch("moId");
  const shortages = shortagesOf(f.failure);
  const locationId = form.watch("locationId");
  const lotId = form.watch("lotId");
  const place = usePlace(product?.productId, locationId, lotId, true);
  const { tracking, tracked, here, stockHere } = place;
  const set = (name: "locationId" | "lotId", value: string) => form.setValue(name, value, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const moField = register("moId");
  // Orders matching the search (number or name), newest first; the picked one stays listed.
  const { data: orders } = useSWR<Page<MoListItem>, ApiError>(search ? `/api/mos?${new URLSearchParams({ q: search, pageSize: "10" })}` : null, { keepPreviousData: true });
  const matches = search ? (orders?.items ?? []) : [];

  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: "nearest" });
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  return (
    <form onSubmit={f.onSubmit} noValidate aria-labelledby={`${id}-title`} data-testid="scrap-form" className="rounded-lg border border-neutral-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-neutral-900 outline-none">
        {t("form.scrap.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("form.scrap.intro")}</p>
      <FormError form={f} title={t("form.scrap.failed")} className="mt-4">
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
              set("lotId", "");
            }}
            error={err("product")}
          />
        </div>
        <PlaceFields place={place} product={product} locationId={locationId} lotId={lotId} set={set} withLot error={err} />
        <TextField
          label={product ? t("form.quantityIn", { uom: product.uom }) : t("form.quantity")}
          inputMode={product && isCountedUnit(product.uom) ? "numeric" : "decimal"}
          autoComplete="off"
          {...register("quantity")}
          error={err("quantity")}
          hint={
            product && here !== undefined
              ? t("place.onHandHere", { quantity: formatQty(here), uom: product.uom, location: stockHere.data?.code ?? "" })
              : product?.onHand !== undefined
                ? t("form.onHandNow", { quantity: formatQty(product.onHand), uom: product.uom })
                : undefined
          }
        />
        <SelectField label={t("form.reason")} {...register("reason")} error={err("reason")} aria-required>
          <option value="">{t("form.chooseReason")}</option>
          {SCRAP_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`scrapReason.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("form.orderSearch")} type="search" placeholder={t("form.orderPlaceholder")} autoComplete="off" maxLength={100} {...register("orderSearch")} />
        <SelectField
          label={t("form.order")}
          {...moField}
          onChange={(e) => {
            void moField.onChange(e);
            const m = matches.find((x) => x.id === e.target.value);
            setPicked(m ? { id: m.id, label: orderLabel(m) } : null);
          }}
          error={err("moId")}
          hint={search && orders ? t("form.orderMatches", { count: orders.total }) : undefined}
          data-testid="scrap-order"
        >
          <option value="">{t("form.noOrder")}</option>
          {matches.map((m) => (
            <option key={m.id} value={m.id}>
              {orderLabel(m)}
            </option>
          ))}
          {picked && picked.id === moId && !matches.some((m) => m.id === moId) && <option value={picked.id}>{picked.label}</option>}
        </SelectField>
        <div className="sm:col-span-2">
          <TextAreaField label={t("form.noteOptional")} rows={2} maxLength={500} {...register("note")} error={err("note")} className="min-h-0 py-2" />
        </div>
      </div>
      <FormActions form={f} submit={t("form.scrap.submit")} onCancel={onCancel} className="mt-6 flex flex-wrap gap-3" />
    </form>
  );
}

/** An order as the picker lists it: its number and name. */
function orderLabel(m: Pick<MoListItem, "orderNo" | "name">): string {
  return `${m.orderNo} · ${m.name}`;
}
