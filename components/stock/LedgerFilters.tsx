import { useTranslations } from "next-intl";
import useSWR from "swr";
import type { ApiError } from "../api";
import { ProductPicker } from "../products/ProductPicker";
import { Button } from "../ui/Button";
import { SelectField, TextField } from "../ui/Field";
import { isFiltered, NO_FILTER, type LedgerFilter } from "./ledgerFilter";
import { formatExpiry, LocationSelect, useLocations, type LotItem } from "./LocationLotFields";
import { SOURCE_TYPES, type ProductOption, type StockSourceType } from "./types";

interface Props {
  value: LedgerFilter;
  product: ProductOption | null;
  onChange: (next: LedgerFilter, product?: ProductOption | null) => void;
}

/** Product, lot, location, source and period filters of the ledger. */
export function LedgerFilters({ value, product, onChange }: Props) {
  const t = useTranslations("stock");
  const set = (patch: Partial<LedgerFilter>) => onChange({ ...value, ...patch, page: 1 });
  // Every location, switched-off ones too: the ledger keeps their history.
  const locations = useLocations(true);
  // The chosen product's lots; a product that has none (untracked) shows no lot filter.
  const { data: lots } = useSWR<{ items: LotItem[] }, ApiError>(value.productId ? `/api/lots?${new URLSearchParams({ productId: value.productId })}` : null);
  const showLots = Boolean(value.productId && (value.lotId || (lots && lots.items.length > 0)));
  const badPeriod = Boolean(value.from && value.to && value.to < value.from);
  return (
    <div role="search" aria-label={t("ledger.filters.label")} className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-[2fr_1.3fr_1fr_1fr]">
        {/* Lots belong to one product: another product clears the lot. */}
        <ProductPicker label={t("ledger.filters.product")} source="stock" value={product} clearLabel={t("ledger.filters.allProducts")} onChange={(p) => onChange({ ...value, productId: p?.productId ?? "", lotId: "", page: 1 }, p)} />
        <SelectField label={t("ledger.filters.source")} value={value.sourceType} onChange={(e) => set({ sourceType: e.target.value as StockSourceType | "" })}>
          <option value="">{t("ledger.filters.allSources")}</option>
          {SOURCE_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`source.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("ledger.filters.from")} type="date" value={value.from} max={value.to || undefined} onChange={(e) => set({ from: e.target.value })} />
        <TextField label={t("ledger.filters.to")} type="date" value={value.to} min={value.from || undefined} onChange={(e) => set({ to: e.target.value })} error={badPeriod ? t("ledger.filters.toBeforeFrom") : undefined} />
        <LocationSelect label={t("ledger.filters.location")} locations={locations.items} value={value.locationId} anyLabel={t("ledger.filters.allLocations")} onChange={(locationId) => set({ locationId })} testId="ledger-location-filter" />
        {showLots && (
          <SelectField label={t("ledger.filters.lot")} value={value.lotId} onChange={(e) => set({ lotId: e.target.value })} data-testid="ledger-lot-filter">
            <option value="">{t("ledger.filters.allLots")}</option>
            {(lots?.items ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.expiresAt ? t("ledger.filters.lotOption", { code: l.code, expiry: formatExpiry(l.expiresAt) }) : l.code}
              </option>
            ))}
            {/* A lot from the address that is not (yet) among the product's lots still shows as chosen. */}
            {value.lotId && lots && !lots.items.some((l) => l.id === value.lotId) && <option value={value.lotId}>{t("ledger.filters.unknownLot")}</option>}
          </SelectField>
        )}
      </div>
      {isFiltered(value) && (
        <Button variant="ghost" onClick={() => onChange(NO_FILTER, null)}>
          {t("ledger.filters.clear")}
        </Button>
      )}
    </div>
  );
}
