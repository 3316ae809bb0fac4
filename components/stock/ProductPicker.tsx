import { useId, useState, type KeyboardEvent } from "react";
import useSWR from "swr";
import type { ApiError } from "../api";
import type { Page } from "../types";
import { useDebounced } from "../useDebounced";
import { Spinner } from "../ui/Spinner";
import { focusRing, inputClass } from "../ui/styles";
import { formatQty } from "./format";
import type { ProductOption, StockLevel } from "./types";

interface Props {
  label: string;
  value: ProductOption | null;
  onChange: (p: ProductOption | null) => void;
  error?: string;
  /** Text of the "clear" button, when clearing is allowed (a filter); forms leave it out. */
  clearLabel?: string;
  autoFocus?: boolean;
}

/**
 * Search-as-you-type product picker (a combobox over GET /api/stock, which every stock reader may
 * call, and which shows what is on hand). Arrow keys move, Enter picks, Escape closes.
 */
export function ProductPicker({ label, value, onChange, error, clearLabel, autoFocus }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 200);
  const { data, error: loadError, isLoading } = useSWR<Page<StockLevel>, ApiError>(open && !value ? `/api/stock?pageSize=8${q ? `&q=${encodeURIComponent(q)}` : ""}` : null, { keepPreviousData: true });
  const options = data?.items ?? [];
  const describedBy = error ? `${id}-error` : undefined;

  function pick(l: StockLevel) {
    onChange({ productId: l.productId, sku: l.sku, name: l.name, uom: l.uom, onHand: l.onHand });
    setText("");
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(0, options.length - 1)));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter" && open && options[active]) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  }

  return (
    <div>
      {/* Once a product is picked the input is gone; the label then names the group, not the button. */}
      {value ? (
        <p id={`${id}-label`} className="mb-1.5 block text-sm font-medium text-neutral-800">
          {label}
        </p>
      ) : (
        <label htmlFor={`${id}-input`} className="mb-1.5 block text-sm font-medium text-neutral-800">
          {label}
        </label>
      )}
      {value ? (
        <div role="group" aria-labelledby={`${id}-label`} className={`flex min-h-12 items-center justify-between gap-3 rounded-md border bg-white px-3 py-1.5 ${error ? "border-red-600" : "border-neutral-300"}`} data-testid="picked-product">
          <span className="min-w-0">
            <span className="font-semibold text-neutral-900">{value.sku}</span> <span className="text-neutral-700">{value.name}</span>
            {value.onHand !== undefined && (
              <span className="block text-sm text-neutral-600">
                {formatQty(value.onHand)} {value.uom} on hand
              </span>
            )}
          </span>
          <button
            type="button"
            onClick={() => {
              onChange(null);
              setOpen(true);
            }}
            className={`h-11 shrink-0 rounded-md px-3 text-sm font-medium text-blue-800 hover:bg-blue-50 ${focusRing}`}
          >
            {clearLabel ?? "Change"}
            <span className="sr-only"> product ({value.sku})</span>
          </button>
        </div>
      ) : (
        <div className="relative">
          <input
            id={`${id}-input`}
            role="combobox"
            aria-expanded={open}
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            autoComplete="off"
            autoFocus={autoFocus}
            placeholder="Search by SKU or name"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={onKeyDown}
            className={inputClass}
          />
          {open && (
            <ul id={`${id}-list`} role="listbox" aria-label={`${label}: matches`} className="absolute z-20 mt-1 max-h-80 w-full overflow-y-auto rounded-md border border-neutral-200 bg-white py-1 shadow-lg">
              {isLoading && !data && (
                <li className="flex items-center gap-2 px-3 py-3 text-sm text-neutral-600">
                  <Spinner className="h-4 w-4" /> Searching…
                </li>
              )}
              {loadError && <li className="px-3 py-3 text-sm text-red-700">{loadError.message}</li>}
              {data && !options.length && <li className="px-3 py-3 text-sm text-neutral-600">No product matches “{q}”.</li>}
              {options.map((l, i) => (
                <li
                  key={l.productId}
                  id={`${id}-opt-${i}`}
                  role="option"
                  aria-selected={i === active}
                  // mousedown, not click: it fires before the input's blur closes the list.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(l);
                  }}
                  onMouseEnter={() => setActive(i)}
                  className={`flex min-h-12 cursor-pointer items-center justify-between gap-3 px-3 py-2 ${i === active ? "bg-blue-50" : ""}`}
                >
                  <span className="min-w-0">
                    <span className="font-semibold text-neutral-900">{l.sku}</span> <span className="text-neutral-700">{l.name}</span>
                  </span>
                  <span className="shrink-0 text-sm tabular-nums text-neutral-600">
                    {formatQty(l.onHand)} {l.uom}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
