import { useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import type { ApiError } from "../../api";
import { ProductPicker, type PickedProduct } from "../../products/ProductPicker";
import { Button } from "../../ui/Button";
import { FieldError, SelectField } from "../../ui/Field";
import { expiryText, useProductTracking } from "../transfers/places";

/** A line found on the shelf that the sheet does not list. */
export interface NewLine {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  lotId: string | null;
  lotCode: string | null;
  expiresAt: string | null;
}

/** What the count sheet needs of GET /api/lots?productId= items. */
interface LotChoice {
  id: string;
  code: string;
  expiresAt: string | null;
}

interface Props {
  /** Adds the line; false when the sheet refused it (already listed). */
  onAdd: (line: NewLine) => boolean;
  onCancel: () => void;
  /** Why the last line was not added. */
  error: string | null;
}

/** Adds a product (and, when it is tracked, one of its lots) that was found but is not on the sheet. */
export function AddLine({ onAdd, onCancel, error }: Props) {
  const t = useTranslations("moves");
  const [product, setProduct] = useState<PickedProduct | null>(null);
  const [lotId, setLotId] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const tracking = useProductTracking(product?.productId);
  const tracked = tracking === "LOT" || tracking === "SERIAL";
  const lots = useSWR<{ items: LotChoice[] }, ApiError>(product && tracked ? `/api/lots?${new URLSearchParams({ productId: product.productId })}` : null);

  function add() {
    if (!product) return setMissing(t("count.add.errors.product"));
    if (tracking === null) return setMissing(t("count.add.errors.loading"));
    const lot = tracked ? lots.data?.items.find((l) => l.id === lotId) : undefined;
    if (tracked && !lot) return setMissing(t("count.add.errors.lot"));
    setMissing(null);
    onAdd({ productId: product.productId, sku: product.sku, name: product.name, uom: product.uom, lotId: lot?.id ?? null, lotCode: lot?.code ?? null, expiresAt: lot?.expiresAt ?? null });
  }

  return (
    <div className="space-y-3 rounded-lg border border-neutral-200 bg-white p-4" data-testid="count-add">
      <h3 className="font-semibold text-neutral-900">{t("count.add.title")}</h3>
      <p className="text-sm text-neutral-600">{t("count.add.intro")}</p>
      <ProductPicker
        label={t("count.add.product")}
        source="stock"
        value={product}
        onChange={(p) => {
          setProduct(p);
          setLotId("");
        }}
        testId="count-add-product"
      />
      {product && tracked && (
        <SelectField label={t("count.add.lot")} value={lotId} onChange={(e) => setLotId(e.target.value)} aria-required data-testid="count-add-lot" hint={lots.data && !lots.data.items.length ? t("count.add.noLots") : undefined}>
          <option value="">{t("count.add.chooseLot")}</option>
          {(lots.data?.items ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {t("count.add.lotOption", { code: l.code, expiry: expiryText(l.expiresAt) ?? "", hasExpiry: l.expiresAt ? "yes" : "no" })}
            </option>
          ))}
        </SelectField>
      )}
      <FieldError error={missing ?? error ?? undefined} />
      <div className="flex flex-wrap gap-3">
        <Button onClick={add} busy={product !== null && tracking === null} data-testid="count-add-confirm">
          {t("count.add.confirm")}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("count.add.cancel")}
        </Button>
      </div>
    </div>
  );
}
