import { Button } from "../ui/Button";
import { SelectField, TextField } from "../ui/Field";
import type { LedgerFilter } from "./ledgerFilter";
import { ProductPicker } from "../products/ProductPicker";
import { SOURCE_LABELS, type ProductOption, type StockSourceType } from "./types";

interface Props {
  value: LedgerFilter;
  product: ProductOption | null;
  onChange: (next: LedgerFilter, product?: ProductOption | null) => void;
}

/** Product, source and period filters of the ledger. */
export function LedgerFilters({ value, product, onChange }: Props) {
  const set = (patch: Partial<LedgerFilter>) => onChange({ ...value, ...patch, page: 1 });
  const any = Boolean(value.productId || value.sourceType || value.from || value.to);
  const badPeriod = Boolean(value.from && value.to && value.to < value.from);
  return (
    <div role="search" aria-label="Filter the ledger" className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-[2fr_1.3fr_1fr_1fr]">
        <ProductPicker label="Product" source="stock" value={product} clearLabel="All products" onChange={(p) => onChange({ ...value, productId: p?.productId ?? "", page: 1 }, p)} />
        <SelectField label="Source" value={value.sourceType} onChange={(e) => set({ sourceType: e.target.value as StockSourceType | "" })}>
          <option value="">All sources</option>
          {Object.entries(SOURCE_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField label="From" type="date" value={value.from} max={value.to || undefined} onChange={(e) => set({ from: e.target.value })} />
        <TextField label="To" type="date" value={value.to} min={value.from || undefined} onChange={(e) => set({ to: e.target.value })} error={badPeriod ? "Must not be before From." : undefined} />
      </div>
      {any && (
        <Button variant="ghost" onClick={() => onChange({ productId: "", sourceType: "", from: "", to: "", page: 1 }, null)}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
