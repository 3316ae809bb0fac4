import { useTranslations } from "next-intl";
import { Button } from "../ui/Button";
import { SelectField, TextField } from "../ui/Field";
import type { LedgerFilter } from "./ledgerFilter";
import { ProductPicker } from "../products/ProductPicker";
import { SOURCE_TYPES, type ProductOption, type StockSourceType } from "./types";

interface Props {
  value: LedgerFilter;
  product: ProductOption | null;
  onChange: (next: LedgerFilter, product?: ProductOption | null) => void;
}

/** Product, source and period filters of the ledger. */
export function LedgerFilters({ value, product, onChange }: Props) {
  const t = useTranslations("stock");
  const set = (patch: Partial<LedgerFilter>) => onChange({ ...value, ...patch, page: 1 });
  const any = Boolean(value.productId || value.sourceType || value.from || value.to);
  const badPeriod = Boolean(value.from && value.to && value.to < value.from);
  return (
    <div role="search" aria-label={t("ledger.filters.label")} className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-[2fr_1.3fr_1fr_1fr]">
        <ProductPicker label={t("ledger.filters.product")} source="stock" value={product} clearLabel={t("ledger.filters.allProducts")} onChange={(p) => onChange({ ...value, productId: p?.productId ?? "", page: 1 }, p)} />
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
      </div>
      {any && (
        <Button variant="ghost" onClick={() => onChange({ productId: "", sourceType: "", from: "", to: "", page: 1 }, null)}>
          {t("ledger.filters.clear")}
        </Button>
      )}
    </div>
  );
}
