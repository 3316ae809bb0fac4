import { useState } from "react";
import useSWR from "swr";
import type { ApiError } from "../api";
import { Pill } from "../mos/badges";
import type { Page } from "../types";
import { useDebounced } from "../useDebounced";
import { TextField } from "../ui/Field";
import { Spinner } from "../ui/Spinner";
import { focusRing } from "../ui/styles";
import type { Product } from "./types";

const GROUP_SIZE = 8;

function useGroup(isFinished: boolean, q: string) {
  const p = new URLSearchParams({ isFinished: String(isFinished), pageSize: String(GROUP_SIZE) });
  if (q.trim()) p.set("q", q.trim());
  return useSWR<Page<Product>, ApiError>(`/api/products?${p.toString()}`, { keepPreviousData: true });
}

interface Props {
  label: string;
  onPick: (p: Product) => void;
  /** Which kind is listed first: finished goods (for orders) or raw materials (for BOM lines). */
  first: "finished" | "raw";
  /** Products that may not be picked (e.g. already in the BOM, or the product itself). */
  exclude?: readonly string[];
  selectedId?: string | null;
  autoFocus?: boolean;
}

/**
 * Search-as-you-type product chooser with large result buttons (gloves, tablets). Archived products
 * are never listed: the API hides them unless asked.
 */
export function ProductPicker({ label, onPick, first, exclude = [], selectedId, autoFocus }: Props) {
  const [q, setQ] = useState("");
  const debounced = useDebounced(q, 250);
  const finished = useGroup(true, debounced);
  const raw = useGroup(false, debounced);
  const groups = first === "finished" ? [{ title: "Finished products", swr: finished }, { title: "Materials and parts", swr: raw }] : [{ title: "Materials and parts", swr: raw }, { title: "Finished products", swr: finished }];
  const loading = !finished.data && !raw.data && !finished.error && !raw.error;
  const error = finished.error ?? raw.error;
  const visibleCount = groups.reduce((n, g) => n + (g.swr.data?.items.filter((p) => !exclude.includes(p.id)).length ?? 0), 0);

  return (
    <div>
      <TextField label={label} type="search" placeholder="SKU or name" value={q} autoFocus={autoFocus} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      <div className="mt-2 rounded-md border border-neutral-200" data-testid="product-picker-results">
        {loading ? (
          <p className="flex items-center gap-2 px-3 py-3 text-sm text-neutral-600" role="status">
            <Spinner className="h-4 w-4" /> Searching…
          </p>
        ) : error ? (
          <p role="alert" className="px-3 py-3 text-sm text-red-700">
            {error.message}
          </p>
        ) : visibleCount === 0 ? (
          <p className="px-3 py-3 text-sm text-neutral-600">No products match{q ? ` “${q}”` : ""}.</p>
        ) : (
          <div className="max-h-80 overflow-y-auto">
            {groups.map(({ title, swr }) => {
              const items = swr.data?.items.filter((p) => !exclude.includes(p.id)) ?? [];
              if (!items.length) return null;
              const more = (swr.data?.total ?? 0) - (swr.data?.items.length ?? 0);
              return (
                <div key={title} role="group" aria-label={title}>
                  <p className="sticky top-0 bg-neutral-50 px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-neutral-500">{title}</p>
                  <ul className="divide-y divide-neutral-100">
                    {items.map((p) => (
                      <li key={p.id}>
                        <button
                          type="button"
                          onClick={() => {
                            onPick(p);
                            setQ("");
                          }}
                          aria-pressed={selectedId === p.id}
                          className={`flex min-h-12 w-full items-center justify-between gap-3 px-3 py-2 text-left hover:bg-neutral-50 aria-pressed:bg-blue-50 ${focusRing}`}
                        >
                          <span className="min-w-0">
                            <span className="font-semibold text-neutral-900">{p.sku}</span>{" "}
                            <span className="ml-1 text-neutral-700">{p.name}</span>
                          </span>
                          <Pill tone={p.isFinished ? "blue" : "neutral"}>{p.isFinished ? "Finished" : "Material"}</Pill>
                        </button>
                      </li>
                    ))}
                  </ul>
                  {more > 0 && <p className="px-3 py-1.5 text-xs text-neutral-500">{more} more — type more of the SKU or name.</p>}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
