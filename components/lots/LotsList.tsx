import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import useSWR from "swr";
import { errorMessage, type ApiError } from "../api";
import { formatQty } from "../format";
import { ScanBox } from "../operator/ScanBox";
import { ProductPicker, type PickedProduct } from "../products/ProductPicker";
import { StockTabs } from "../stock/StockTabs";
import { Pagination } from "../ui/Pagination";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import { focusRing } from "../ui/styles";
import { buttonClass, Button } from "../ui/Button";
import { ExpiryMark } from "./ExpiryMark";
import { lotLabelsHref, MAX_LABELS } from "./LotLabels";
import type { LotPage } from "./types";

const PAGE_SIZE = 50;

/**
 * /stock/lots: every lot, first expiry first (GET /api/lots, a page at a time), with its product,
 * expiry (expired / expiring soon marked) and total on hand; a product filter; a scan box that opens a
 * scanned lot or location label; lots ticked (across pages) print their labels on one sheet.
 */
export function LotsList() {
  const t = useTranslations("lots");
  const [product, setProduct] = useState<PickedProduct | null>(null);
  const [page, setPage] = useState(1);
  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE), ...(product ? { productId: product.productId } : {}) });
  const { data, error, mutate } = useSWR<LotPage, ApiError>(`/api/lots?${params}`);
  // The lots ticked for a label sheet, in the order ticked (kept when paging or filtering).
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length < MAX_LABELS ? [...p, id] : p));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-neutral-900 sm:text-3xl">{t("list.title")}</h1>
        <p className="mt-1 text-base text-neutral-600">{t("list.intro")}</p>
      </div>
      <StockTabs />
      <ScanBox ownOnly={false} compact stockCodes placeholder={t("list.scanPlaceholder")} />
      <div role="search" aria-label={t("list.filters")} className="max-w-xl">
        <ProductPicker
          label={t("list.product")}
          source="stock"
          value={product}
          clearLabel={t("list.allProducts")}
          onChange={(p) => {
            setProduct(p);
            setPage(1);
          }}
        />
      </div>
      {picked.length > 0 && (
        <div className="flex flex-wrap items-center gap-3" data-testid="lot-labels-bar">
          <Link href={lotLabelsHref(picked)} className={buttonClass("primary", "md")} data-testid="lot-labels-link">
            {t("list.printPicked", { count: picked.length })}
          </Link>
          <Button variant="ghost" onClick={() => setPicked([])}>
            {t("list.clearPicked")}
          </Button>
        </div>
      )}
      {error ? (
        <ErrorState message={errorMessage(error)} onRetry={() => void mutate()} />
      ) : !data ? (
        <LoadingState />
      ) : data.items.length === 0 ? (
        <EmptyState title={product ? t("list.emptyProduct") : t("list.empty")} />
      ) : (
        <>
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-neutral-200 rounded border border-neutral-200" aria-label={t("list.label")}>
              <thead className="bg-neutral-50">
                <tr>
                  <th scope="col" className="w-12 px-4 py-2 text-left text-sm font-semibold">
                    <span className="sr-only">{t("list.pickColumn")}</span>
                  </th>
                  <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("col.lot")}</th>
                  <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("col.product")}</th>
                  <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("col.expiry")}</th>
                  <th scope="col" className="px-4 py-2 text-right text-sm font-semibold">{t("col.onHand")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-200 bg-white">
                {data.items.map((l) => (
                  <tr key={l.id} data-testid="lot-row" data-code={l.code}>
                    <td className="px-4 py-2">
                      <input
                        type="checkbox"
                        className={`h-5 w-5 ${focusRing}`}
                        checked={picked.includes(l.id)}
                        onChange={() => toggle(l.id)}
                        aria-label={t("list.pick", { code: l.code, sku: l.product.sku })}
                      />
                    </td>
                    <td className="px-4 py-2">
                      <Link href={`/stock/lots/${l.id}`} className={`font-mono font-semibold text-blue-800 underline ${focusRing}`}>
                        {l.code}
                      </Link>
                    </td>
                    <td className="px-4 py-2">
                      <span className="font-semibold">{l.product.sku}</span> <span className="text-sm text-neutral-700">{l.product.name}</span>
                    </td>
                    <td className="px-4 py-2 text-sm">
                      <ExpiryMark expiresAt={l.expiresAt} />
                    </td>
                    <td className="px-4 py-2 text-right tabular-nums">
                      {formatQty(l.onHand)} <span className="text-sm text-neutral-600">{l.product.uom}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun={t("list.noun")} onPage={setPage} />
        </>
      )}
    </div>
  );
}
