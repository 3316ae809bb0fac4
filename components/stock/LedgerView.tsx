import { useTranslations } from "next-intl";
import { useRouter } from "next/router";
import { useState } from "react";
import useSWR from "swr";
import type { ApiError } from "../api";
import { useRealtime } from "../realtime/useRealtime";
import { ExportMenu } from "../reports/ExportMenu";
import type { Page } from "../types";
import { Pagination } from "../ui/Pagination";
import { ErrorState, LoadingState } from "../ui/States";
import { hasPermission, useSignedInUser } from "../useMe";
import { exportFilters, filterFromQuery, filterToQuery, isFiltered, type LedgerFilter } from "./ledgerFilter";
import { LedgerFilters } from "./LedgerFilters";
import { LedgerTable } from "./LedgerTable";
import { StockTabs } from "./StockTabs";
import type { LedgerEntry, ProductOption } from "./types";
import { useProductRef } from "./useProductRef";

const PAGE_SIZE = 50;

/** The stock ledger: every posting, newest first, filtered by product, lot, location, source and period (kept in the address). */
export function LedgerView() {
  const t = useTranslations("stock");
  const me = useSignedInUser();
  const router = useRouter();
  const filter = filterFromQuery(router.query);
  // The picked product, for its label; after a reload only the id is in the address, so it is looked up.
  const [picked, setPicked] = useState<ProductOption | null>(null);
  const { product: looked } = useProductRef(filter.productId && picked?.productId !== filter.productId ? filter.productId : null);
  const product = filter.productId ? (picked?.productId === filter.productId ? picked : looked) : null;

  // Next asks for the page below the last row shown (`before`, keyset: docs/performance.md), so a deep
  // page does not skip page × 50 rows; an address typed or reloaded with only `page` still works (OFFSET).
  const [cursor, setCursor] = useState<{ key: string; page: number; before: string } | null>(null);
  const filterKey = new URLSearchParams(filterToQuery({ ...filter, page: 1 })).toString();
  const before: Record<string, string> = cursor && cursor.key === filterKey && cursor.page === filter.page ? { before: cursor.before } : {};

  const badPeriod = Boolean(filter.from && filter.to && filter.to < filter.from);
  const params = new URLSearchParams({ ...filterToQuery(filter), page: String(filter.page), pageSize: String(PAGE_SIZE), ...before });
  const { data, error, isLoading, isValidating, mutate } = useSWR<Page<LedgerEntry> & { nextBefore?: string }, ApiError>(router.isReady && !badPeriod ? `/api/stock/ledger?${params}` : null, { keepPreviousData: true });
  useRealtime("stock:changed", () => void mutate());

  function setFilter(next: LedgerFilter, p?: ProductOption | null) {
    if (p !== undefined) setPicked(p);
    void router.replace({ pathname: router.pathname, query: filterToQuery(next) }, undefined, { shallow: true, scroll: false });
  }

  const filtered = isFiltered(filter);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-neutral-900 sm:text-3xl">{t("ledger.title")}</h1>
          <p className="mt-1 text-base text-neutral-600">{t("ledger.intro")}</p>
        </div>
        <ExportMenu report="ledger" filters={exportFilters(filter)} />
      </div>
      <StockTabs />

      <section aria-label={t("ledger.sectionLabel")} className="rounded-lg border border-neutral-200 bg-white shadow-sm">
        <div className="border-b border-neutral-200 p-4 sm:p-5">
          <LedgerFilters value={filter} product={product} onChange={setFilter} />
        </div>
        {badPeriod ? null : data ? (
          <div aria-busy={isValidating} className={isValidating && !isLoading ? "opacity-70 transition-opacity" : ""}>
            <LedgerTable entries={data.items} filtered={filtered} orderLinks={hasPermission(me, "mo:read", true)} />
          </div>
        ) : error ? (
          <div className="p-4">
            <ErrorState title={t("ledger.loadError")} message={error.message} onRetry={() => void mutate()} />
          </div>
        ) : (
          <LoadingState label={t("ledger.loading")} />
        )}
        {data && data.total > 0 && !badPeriod && (
          <div className="border-t border-neutral-200 px-4 py-3 sm:px-5">
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              capped={data.totalCapped}
              noun={t("ledger.noun")}
              onPage={(page) => {
                setCursor(page === data.page + 1 && data.nextBefore ? { key: filterKey, page, before: data.nextBefore } : null);
                setFilter({ ...filter, page });
              }}
            />
          </div>
        )}
      </section>
    </div>
  );
}
