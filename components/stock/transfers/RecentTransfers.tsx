import { useTranslations } from "next-intl";
import useSWR from "swr";
import { errorMessage, type ApiError } from "../../api";
import { formatDateTime, formatQty } from "../../format";
import { useRealtime } from "../../realtime/useRealtime";
import type { Page } from "../../types";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import type { LedgerEntry } from "../types";

const SHOWN = 20;

/**
 * The latest transfers, from the ledger: each transfer is a TRANSFER_OUT at the source and a
 * TRANSFER_IN at the destination sharing the transfer's id as sourceId, so the two newest pages of
 * each type are joined on it (the ledger filters one source type at a time).
 */
export function RecentTransfers() {
  const t = useTranslations("moves");
  const outs = useSWR<Page<LedgerEntry>, ApiError>(`/api/stock/ledger?sourceType=TRANSFER_OUT&pageSize=${SHOWN}`);
  const ins = useSWR<Page<LedgerEntry>, ApiError>(`/api/stock/ledger?sourceType=TRANSFER_IN&pageSize=${SHOWN * 2}`);
  useRealtime("stock:changed", () => {
    void outs.mutate();
    void ins.mutate();
  });
  const error = outs.error ?? ins.error;
  const destination = new Map((ins.data?.items ?? []).map((e) => [e.sourceId, e]));

  return (
    <section aria-labelledby="recent-transfers" className="space-y-3">
      <h2 id="recent-transfers" className="text-lg font-semibold text-neutral-900">
        {t("recent.title")}
      </h2>
      {error ? (
        <ErrorState message={errorMessage(error)} onRetry={() => void Promise.all([outs.mutate(), ins.mutate()])} />
      ) : !outs.data || !ins.data ? (
        <LoadingState label={t("recent.loading")} />
      ) : outs.data.items.length === 0 ? (
        <EmptyState title={t("recent.empty")} />
      ) : (
        <div className="overflow-x-auto rounded border border-neutral-200">
          <table className="min-w-full divide-y divide-neutral-200" data-testid="recent-transfers">
            <caption className="sr-only">{t("recent.title")}</caption>
            <thead className="bg-neutral-50">
              <tr>
                <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("recent.col.when")}</th>
                <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("recent.col.product")}</th>
                <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("recent.col.lot")}</th>
                <th scope="col" className="px-4 py-2 text-right text-sm font-semibold">{t("recent.col.quantity")}</th>
                <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("recent.col.from")}</th>
                <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("recent.col.to")}</th>
                <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("recent.col.by")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-200 bg-white">
              {outs.data.items.map((e) => {
                const into = e.sourceId ? destination.get(e.sourceId) : undefined;
                return (
                  <tr key={e.id} data-testid="transfer-row" data-sku={e.product.sku}>
                    <td className="px-4 py-2 text-sm">
                      <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
                    </td>
                    <td className="px-4 py-2">
                      <span className="font-semibold">{e.product.sku}</span> <span className="text-sm text-neutral-700">{e.product.name}</span>
                      {e.note && <span className="block text-sm text-neutral-600">{e.note}</span>}
                    </td>
                    <td className="px-4 py-2 text-sm">{e.lot?.code ?? t("recent.noLot")}</td>
                    <td className="px-4 py-2 text-right tabular-nums" data-testid="transfer-quantity">
                      {formatQty(-e.change)} <span className="text-sm text-neutral-600">{e.product.uom}</span>
                    </td>
                    <td className="px-4 py-2 text-sm" data-testid="transfer-from-code">{e.location.code}</td>
                    <td className="px-4 py-2 text-sm" data-testid="transfer-to-code">{into?.location.code ?? t("recent.unknown")}</td>
                    <td className="px-4 py-2 text-sm">{e.createdBy?.name ?? t("recent.system")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
