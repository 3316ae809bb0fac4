import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/router";
import { useEffect, useState } from "react";
import useSWR from "swr";
import type { ApiError } from "../../api";
import { Pill } from "../../mos/badges";
import { PageHeader } from "../../mos/PageHeader";
import { useUrlState } from "../../mos/useUrlState";
import type { Page } from "../../types";
import { useDebounced } from "../../useDebounced";
import { hasPermission, useSignedInUser } from "../../useMe";
import { Button } from "../../ui/Button";
import { SelectField, TextField } from "../../ui/Field";
import { Pagination } from "../../ui/Pagination";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { focusRing } from "../../ui/styles";
import { ProductForm } from "../ProductForm";
import type { Product } from "../types";
import { formatQty } from "../../format";

const PAGE_SIZE = 25;
const KEYS = ["q", "kind", "archived", "page"] as const;
const th = "px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-neutral-500";

function productsUrl(q: string, kind: string, archived: boolean, page: number): string {
  const p = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (q.trim()) p.set("q", q.trim());
  if (kind === "finished") p.set("isFinished", "true");
  if (kind === "raw") p.set("isFinished", "false");
  if (archived) p.set("includeArchived", "true");
  return `/api/products?${p.toString()}`;
}

/** Products with search, kind filter and archived toggle; planners create new ones here. */
export function ProductsList() {
  const t = useTranslations("products");
  const me = useSignedInUser();
  const router = useRouter();
  const canWrite = hasPermission(me, "products:write");
  const { values, set, ready } = useUrlState(KEYS);
  const [typed, setTyped] = useState<string | null>(null);
  const q = typed ?? values.q;
  const debounced = useDebounced(q);
  useEffect(() => {
    if (typed !== null && debounced === typed && debounced !== values.q) set({ q: debounced, page: "" });
  }, [debounced, typed, values.q, set]);
  const [creating, setCreating] = useState(false);
  const archived = values.archived === "1";
  const page = Math.max(1, Number(values.page) || 1);
  const { data, error, isLoading, isValidating, mutate } = useSWR<Page<Product>, ApiError>(ready ? productsUrl(values.q, values.kind, archived, page) : null, { keepPreviousData: true });
  const filtered = Boolean(values.q || values.kind || archived);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          canWrite &&
          !creating && (
            <Button size="lg" onClick={() => setCreating(true)}>
              {t("list.newProduct")}
            </Button>
          )
        }
      />
      {creating && (
        <section aria-label={t("list.newProduct")} className="rounded-lg border border-neutral-200 bg-white shadow-sm">
          <h2 className="border-b border-neutral-200 px-4 py-3 text-lg font-semibold text-neutral-900 sm:px-5">{t("list.newProduct")}</h2>
          <ProductForm product={null} onCancel={() => setCreating(false)} onSaved={(p) => void router.push(`/products/${p.id}?created=1`)} />
        </section>
      )}
      <section aria-label={t("list.listLabel")} className="rounded-lg border border-neutral-200 bg-white shadow-sm">
        <div role="search" className="grid items-end gap-4 border-b border-neutral-200 p-4 sm:grid-cols-[2fr_1fr_auto] sm:p-5">
          <TextField label={t("list.search")} type="search" placeholder={t("list.searchPlaceholder")} value={q} onChange={(e) => setTyped(e.target.value)} />
          <SelectField label={t("list.kind")} value={values.kind} onChange={(e) => set({ kind: e.target.value, page: "" })}>
            <option value="">{t("list.allKinds")}</option>
            <option value="finished">{t("list.finishedProducts")}</option>
            <option value="raw">{t("list.materialsAndParts")}</option>
          </SelectField>
          <label className="flex h-12 cursor-pointer items-center gap-3 rounded-md border border-neutral-300 px-3 text-sm font-medium text-neutral-800">
            <input type="checkbox" className={`h-5 w-5 ${focusRing}`} checked={archived} onChange={(e) => set({ archived: e.target.checked ? "1" : "", page: "" })} />
            {t("list.showArchived")}
          </label>
        </div>
        {data ? (
          data.items.length === 0 ? (
            <EmptyState title={filtered ? t("list.noMatchTitle") : t("list.emptyTitle")}>{filtered ? t("list.noMatchHint") : canWrite ? t("list.emptyHint") : undefined}</EmptyState>
          ) : (
            <div aria-busy={isValidating} className={`overflow-x-auto ${isValidating && !isLoading ? "opacity-70 transition-opacity" : ""}`}>
              <table className="min-w-full divide-y divide-neutral-200">
                <caption className="sr-only">{t("list.caption")}</caption>
                <thead className="bg-neutral-50">
                  <tr>
                    <th scope="col" className={th}>
                      {t("list.colProduct")}
                    </th>
                    <th scope="col" className={th}>
                      {t("list.colKind")}
                    </th>
                    <th scope="col" className={th}>
                      {t("list.colUnit")}
                    </th>
                    <th scope="col" className={`${th} hidden text-right md:table-cell`}>
                      {t("list.colUnitCost")}
                    </th>
                    <th scope="col" className={`${th} hidden text-right md:table-cell`}>
                      {t("list.colReorderPoint")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-neutral-200 bg-white">
                  {data.items.map((p) => (
                    <tr key={p.id} data-testid="product-row" data-sku={p.sku} className={p.archivedAt ? "bg-neutral-50 text-neutral-500" : ""}>
                      <td className="px-4 py-2">
                        <Link href={`/products/${p.id}`} className={`-mx-1 flex min-h-11 flex-col justify-center rounded px-1 ${focusRing}`}>
                          <span className="font-semibold text-neutral-900 underline-offset-2 hover:underline">{p.sku}</span>
                          <span className="text-sm text-neutral-700">{p.name}</span>
                        </Link>
                      </td>
                      <td className="px-4 py-2">
                        <span className="flex flex-wrap gap-1">
                          <Pill tone={p.isFinished ? "blue" : "neutral"}>{p.isFinished ? t("kind.finished") : t("kind.material")}</Pill>
                          {p.archivedAt && <Pill tone="muted">{t("kind.archived")}</Pill>}
                        </span>
                      </td>
                      <td className="px-4 py-2 text-sm">{p.uom}</td>
                      <td className="hidden px-4 py-2 text-right text-sm tabular-nums md:table-cell">{formatQty(p.unitCost)}</td>
                      <td className="hidden px-4 py-2 text-right text-sm tabular-nums md:table-cell">{formatQty(p.reorderPoint)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : error ? (
          <div className="p-4">
            <ErrorState title={t("list.loadFailed")} message={error.message} onRetry={() => void mutate()} />
          </div>
        ) : (
          <LoadingState label={t("list.loading")} />
        )}
        {data && data.total > 0 && (
          <div className="border-t border-neutral-200 px-4 py-3 sm:px-5">
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun={t("list.noun")} onPage={(p) => set({ page: p > 1 ? String(p) : "" })} />
          </div>
        )}
      </section>
    </div>
  );
}
