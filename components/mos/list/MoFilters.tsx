import { SelectField, TextField } from "../../ui/Field";
import { STATE_LABELS } from "../labels";
import { ORDER_STATES, type OrderState } from "../types";

/** Search box (name or order number) and state filter of the MO list. */
export function MoFilters({ q, state, onSearch, onState }: { q: string; state: OrderState | ""; onSearch: (q: string) => void; onState: (s: OrderState | "") => void }) {
  return (
    <div role="search" className="grid gap-4 sm:grid-cols-[2fr_1fr]">
      <TextField label="Search" type="search" placeholder="Order number or name" value={q} onChange={(e) => onSearch(e.target.value)} />
      <SelectField label="State" value={state} onChange={(e) => onState(e.target.value as OrderState | "")}>
        <option value="">All states</option>
        {ORDER_STATES.map((s) => (
          <option key={s} value={s}>
            {STATE_LABELS[s]}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
