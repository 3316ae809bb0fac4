import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/router";
import { useEffect, useRef, useState } from "react";
import useSWR from "swr";
import type { ApiError } from "../api";
import { useRealtime } from "../realtime/useRealtime";
import { ExportMenu } from "../reports/ExportMenu";
import type { Page } from "../types";
import { Button } from "../ui/Button";
import { TextField } from "../ui/Field";
import { Pagination } from "../ui/Pagination";
import { ErrorState, LoadingState } from "../ui/States";
import { useDebounced } from "../useDebounced";
import { hasPermission, useSignedInUser } from "../useMe";
import { LevelsTable } from "./LevelsTable";
import { PostingForm, type PostingMode } from "./PostingForm";
import { RecentShortages } from "./RecentShortages";
import { ScrapForm } from "./ScrapForm";
import { StockTabs } from "./StockTabs";
import type { ProductOption, StockLevel } from "./types";
import { useProductRef } from "./useProductRef";
import { Notice } from "../ui/Notice";
import { focusRing } from "../ui/styles";
import { lotLabelsHref } from "../lots/LotLabels";

const PAGE_SIZE = 25;

/** The stock levels screen: search, low-stock filter, receipts and adjustments, refused postings. */
export function StockLevels() {
  const t = useTranslations("stock");
  const me = useSignedInUser();
  const canPost = hasPermission(me, "stock:adjust");
  const router = useRouter();
  // null: not touched yet, so the address decides (links from notifications: ?productId=… when a
  // product reached its reorder point, ?low=1).
  const [searchInput, setSearch] = useState<string | null>(null);
  const [lowInput, setLowOnly] = useState<boolean | null>(null);
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<{ mode: PostingMode | "scrap"; product: ProductOption | null; key: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The serials of the last receipt (their labels are offered in the notice).
  const [serialLots, setSerialLots] = useState<string[]>([]);
  const noticeRef = useRef<HTMLDivElement>(null);
  // Focus follows the result of a posting: the form that had it is gone.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const linked = typeof router.query.productId === "string" ? router.query.productId : null;
  const { product: linkedProduct } = useProductRef(searchInput === null ? linked : null);
  const search = searchInput ?? linkedProduct?.sku ?? "";
  const lowOnly = lowInput ?? router.query.low === "1";
  const q = useDebounced(search.trim());

  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (q) params.set("q", q);
  if (lowOnly) params.set("low", "1");
  const { data, error, isLoading, isValidating, mutate } = useSWR<Page<StockLevel>, ApiError>(`/api/stock?${params}`, { keepPreviousData: true });
  useRealtime("stock:changed", () => void mutate());

  function openForm(mode: PostingMode | "scrap", level?: StockLevel) {
    setNotice(null);
    const product = level ? { productId: level.productId, sku: level.sku, name: level.name, uom: level.uom, onHand: level.onHand } : null;
    setForm((f) => ({ mode, product, key: (f?.key ?? 0) + 1 }));
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-neutral-900 sm:text-3xl">{t("levels.title")}</h1>
          <p className="mt-1 text-base text-neutral-600">{t("levels.intro")}</p>
        </div>
        <ExportMenu report="levels" />
      </div>
      <StockTabs />

      {canPost && !form && (
        <div className="flex flex-wrap gap-3">
          <Button size="lg" onClick={() => openForm("receipt")}>
            {t("levels.receive")}
          </Button>
          <Button size="lg" variant="secondary" onClick={() => openForm("adjust")}>
            {t("levels.adjust")}
          </Button>
          <Button size="lg" variant="secondary" onClick={() => openForm("scrap")}>
            {t("levels.scrap")}
          </Button>
        </div>
      )}
      {canPost && form?.mode === "scrap" && (
        <ScrapForm
          key={form.key}
          product={form.product}
          onCancel={() => setForm(null)}
          onPosted={(text) => {
            setForm(null);
            setNotice(text);
            setSerialLots([]);
            void mutate();
          }}
        />
      )}
      {canPost && form && form.mode !== "scrap" && (
        <PostingForm
          key={form.key}
          mode={form.mode}
          product={form.product}
          onCancel={() => setForm(null)}
          onPosted={(text, lots) => {
            setForm(null);
            setNotice(text);
            setSerialLots(lots ?? []);
            void mutate();
          }}
        />
      )}
      <Notice testId="stock-notice" notice={notice === null ? null : { tone: "success", text: notice }} onDismiss={() => setNotice(null)} ref={noticeRef}>
        {serialLots.length > 0 && (
          <Link href={lotLabelsHref(serialLots)} className={`ml-2 font-semibold text-blue-800 underline ${focusRing}`} data-testid="serial-labels-link">
            {t("place.printSerialLabels", { count: serialLots.length })}
          </Link>
        )}
      </Notice>

      <div className={canPost ? "grid items-start gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]" : ""}>
        <section aria-label={t("levels.sectionLabel")} className="rounded-lg border border-neutral-200 bg-white shadow-sm">
          <div role="search" className="flex flex-wrap items-end gap-4 border-b border-neutral-200 p-4 sm:p-5">
            <div className="min-w-60 flex-1">
              <TextField
                label={t("levels.search")}
                type="search"
                placeholder={t("levels.searchPlaceholder")}
                value={search}
                onChange={(e) => {
                  setSearch(e.target.value);
                  setPage(1);
                }}
              />
            </div>
            <label className="flex h-12 cursor-pointer items-center gap-3 rounded-md border border-neutral-300 bg-white px-4 text-base text-neutral-900 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-600">
              <input
                type="checkbox"
                checked={lowOnly}
                onChange={(e) => {
                  setLowOnly(e.target.checked);
                  setPage(1);
                }}
                className="h-5 w-5 accent-neutral-900"
              />
              {t("levels.lowOnly")}
            </label>
          </div>
          {data ? (
            <div aria-busy={isValidating} className={isValidating && !isLoading ? "opacity-70 transition-opacity" : ""}>
              <LevelsTable levels={data.items} filtered={Boolean(q || lowOnly)} onPost={canPost ? openForm : undefined} />
            </div>
          ) : error ? (
            <div className="p-4">
              <ErrorState title={t("levels.loadError")} message={error.message} onRetry={() => void mutate()} />
            </div>
          ) : (
            <LoadingState label={t("levels.loading")} />
          )}
          {data && data.total > 0 && (
            <div className="border-t border-neutral-200 px-4 py-3 sm:px-5">
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun={t("levels.noun")} onPage={setPage} />
            </div>
          )}
        </section>
        {canPost && <RecentShortages />}
      </div>
    </div>
  );
}
