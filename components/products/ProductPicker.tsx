import { useTranslations } from "next-intl";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import useSWR from "swr";
import type { ApiError } from "../api";
import { formatQty } from "../format";
import { Pill } from "../mos/badges";
import type { StockLevel } from "../stock/types";
import type { Page } from "../types";
import { useDebounced } from "../useDebounced";
import { FieldError } from "../ui/Field";
import { Spinner } from "../ui/Spinner";
import { focusRing, inputClass } from "../ui/styles";
import type { Product } from "./types";

/** A product as a picker hands it out: what every screen needs to name it and its quantities. */
export interface PickedProduct {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  isFinished?: boolean;
  /** On hand now (stock source only). */
  onHand?: number;
}

const GROUP_SIZE = 8;

interface Props {
  label: string;
  /**
   * Where the matches come from: "stock" lists GET /api/stock (what every stock reader may call, with
   * on-hand quantities); "products" lists GET /api/products in two groups (finished, materials).
   */
  source: "stock" | "products";
  onChange: (p: PickedProduct | null) => void;
  /** The picked product, shown instead of the search with a "Change" button; leave out for a pure chooser. */
  value?: PickedProduct | null;
  /** Products source: which kind is listed first (finished goods for orders, materials for BOM lines). */
  first?: "finished" | "raw";
  /** Products that may not be picked (already in the BOM, the product itself). */
  exclude?: readonly string[];
  /** Lists matches before anything is typed (a screen whose first step is picking). */
  browse?: boolean;
  /** Text of the "Change" button when clearing means something else ("All products" in a filter). */
  clearLabel?: string;
  error?: string;
  testId?: string;
  /** Only where the person just asked for the picker (e.g. "Add component"); never on page load. */
  autoFocus?: boolean;
}

interface Group {
  title: string;
  items: PickedProduct[];
  more: number;
}

const fromLevel = (l: StockLevel): PickedProduct => ({ productId: l.productId, sku: l.sku, name: l.name, uom: l.uom, onHand: l.onHand });
const fromProduct = (p: Product): PickedProduct => ({ productId: p.id, sku: p.sku, name: p.name, uom: p.uom, isFinished: p.isFinished });

function useMatches(source: Props["source"], q: string, enabled: boolean, first: "finished" | "raw") {
  const t = useTranslations("products");
  const query = (extra: Record<string, string>) => {
    const p = new URLSearchParams({ pageSize: String(GROUP_SIZE), ...extra });
    if (q) p.set("q", q);
    return p.toString();
  };
  const stock = useSWR<Page<StockLevel>, ApiError>(enabled && source === "stock" ? `/api/stock?${query({})}` : null, { keepPreviousData: true });
  const finished = useSWR<Page<Product>, ApiError>(enabled && source === "products" ? `/api/products?${query({ isFinished: "true" })}` : null, { keepPreviousData: true });
  const raw = useSWR<Page<Product>, ApiError>(enabled && source === "products" ? `/api/products?${query({ isFinished: "false" })}` : null, { keepPreviousData: true });
  if (source === "stock") {
    const groups: Group[] = stock.data ? [{ title: t("picker.products"), items: stock.data.items.map(fromLevel), more: stock.data.total - stock.data.items.length }] : [];
    return { groups, loading: !stock.data && !stock.error, error: stock.error };
  }
  const g = (title: string, page?: Page<Product>): Group[] => (page ? [{ title, items: page.items.map(fromProduct), more: page.total - page.items.length }] : []);
  const fin = g(t("picker.finishedProducts"), finished.data);
  const mat = g(t("picker.materialsAndParts"), raw.data);
  return { groups: first === "finished" ? [...fin, ...mat] : [...mat, ...fin], loading: !finished.data && !raw.data && !finished.error && !raw.error, error: finished.error ?? raw.error };
}

/**
 * The one product picker: type to search, the matches appear as large buttons (gloves, tablets)
 * in the page flow, below the box — never over the fields and buttons that follow, and nothing is
 * picked except by pressing a match. It does not take the focus by itself. Arrow keys move between
 * the matches, Enter in the box picks the first one, Escape closes the list.
 */
export function ProductPicker({ label, source, onChange, value, first = "finished", exclude = [], browse = false, clearLabel, error, testId, autoFocus }: Props) {
  const t = useTranslations("products");
  const id = useId();
  const [text, setText] = useState("");
  const [expanded, setExpanded] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const q = useDebounced(text.trim(), 200);
  const open = value ? false : browse || expanded || text.trim() !== "";
  const { groups, loading, error: loadError } = useMatches(source, q, open, first);
  const visible = groups.map((g) => ({ ...g, items: g.items.filter((p) => !exclude.includes(p.productId)) }));
  const count = visible.reduce((n, g) => n + g.items.length, 0);

  function pick(p: PickedProduct) {
    onChange(p);
    setText("");
    setExpanded(false);
  }

  const buttons = () => Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>("button[data-pick]") ?? []);

  function onInputKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setExpanded(true);
      buttons()[0]?.focus();
    } else if (e.key === "Enter") {
      // Enter in a search box must not submit the surrounding form.
      e.preventDefault();
      const firstMatch = visible.find((g) => g.items.length)?.items[0];
      if (open && firstMatch) pick(firstMatch);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setExpanded(false);
      setText("");
    }
  }

  function onListKey(e: KeyboardEvent<HTMLDivElement>) {
    const all = buttons();
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "ArrowDown") {
      e.preventDefault();
      all[Math.min(i + 1, all.length - 1)]?.focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (i <= 0) inputRef.current?.focus();
      else all[i - 1]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      setExpanded(false);
      inputRef.current?.focus();
    }
  }

  if (value) {
    return (
      <div data-testid={testId}>
        <p id={`${id}-label`} className="mb-1.5 block text-sm font-medium text-neutral-800">
          {label}
        </p>
        <div role="group" aria-labelledby={`${id}-label`} className={`flex min-h-12 items-center justify-between gap-3 rounded-md border bg-white px-3 py-1.5 ${error ? "border-red-600" : "border-neutral-300"}`} data-testid="picked-product">
          <span className="min-w-0">
            <span className="font-semibold text-neutral-900">{value.sku}</span> <span className="text-neutral-700">{value.name}</span>
            {value.onHand !== undefined && <span className="block text-sm text-neutral-600">{t("picker.onHand", { qty: formatQty(value.onHand, value.uom) })}</span>}
          </span>
          <button
            type="button"
            onClick={() => {
              onChange(null);
              setExpanded(true);
              // The search comes back in place of the card: put the focus where the typing goes.
              setTimeout(() => inputRef.current?.focus(), 0);
            }}
            className={`h-11 shrink-0 rounded-md px-3 text-sm font-medium text-blue-800 hover:bg-blue-50 ${focusRing}`}
          >
            {clearLabel ?? t("picker.change")}
            <span className="sr-only"> {t("picker.changeProduct", { sku: value.sku })}</span>
          </button>
        </div>
        <FieldError id={`${id}-error`} error={error} />
      </div>
    );
  }

  return (
    <div data-testid={testId}>
      <label htmlFor={`${id}-input`} className="mb-1.5 block text-sm font-medium text-neutral-800">
        {label}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="search"
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder={t("picker.placeholder")}
        aria-controls={open ? `${id}-results` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onInputKey}
        className={inputClass}
      />
      <FieldError id={`${id}-error`} error={error} />
      {open && (
        <div id={`${id}-results`} ref={listRef} onKeyDown={onListKey} className="mt-2 rounded-md border border-neutral-200" data-testid="product-picker-results">
          {loading ? (
            <p className="flex items-center gap-2 px-3 py-3 text-sm text-neutral-600" role="status">
              <Spinner className="h-4 w-4" /> {t("picker.searching")}
            </p>
          ) : loadError ? (
            <p role="alert" className="px-3 py-3 text-sm text-red-700">
              {loadError.message}
            </p>
          ) : count === 0 ? (
            <p className="px-3 py-3 text-sm text-neutral-600">{q ? t("picker.noMatchFor", { q }) : t("picker.noMatch")}</p>
          ) : (
            <div className="max-h-72 overflow-y-auto">
              {visible.map(({ title, items, more }) =>
                items.length === 0 ? null : (
                  <div key={title} role="group" aria-label={title}>
                    {source === "products" && <p className="sticky top-0 bg-neutral-50 px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-neutral-500">{title}</p>}
                    <ul className="divide-y divide-neutral-100">
                      {items.map((p) => (
                        <li key={p.productId}>
                          <button
                            type="button"
                            data-pick
                            onClick={() => pick(p)}
                            className={`flex min-h-12 w-full items-center justify-between gap-3 px-3 py-2 text-left hover:bg-neutral-50 focus-visible:bg-blue-50 ${focusRing}`}
                          >
                            <span className="min-w-0">
                              <span className="font-semibold text-neutral-900">{p.sku}</span> <span className="ml-1 text-neutral-700">{p.name}</span>
                            </span>
                            {p.onHand !== undefined ? (
                              <span className="shrink-0 text-sm tabular-nums text-neutral-600">{formatQty(p.onHand, p.uom)}</span>
                            ) : (
                              <Pill tone={p.isFinished ? "blue" : "neutral"}>{p.isFinished ? t("kind.finished") : t("kind.material")}</Pill>
                            )}
                          </button>
                        </li>
                      ))}
                    </ul>
                    {more > 0 && <p className="px-3 py-1.5 text-xs text-neutral-500">{t("picker.more", { count: more })}</p>}
                  </div>
                ),
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
