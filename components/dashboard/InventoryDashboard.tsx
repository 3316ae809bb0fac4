import { useTranslations } from "next-intl";
import Link from "next/link";
import useSWR from "swr";
import type { ApiError } from "../api";
import { useRealtime } from "../realtime/useRealtime";
import { RecentShortages } from "../stock/RecentShortages";
import type { LedgerEntry } from "../stock/types";
import { ErrorState, LoadingState } from "../ui/States";
import { buttonClass } from "../ui/Button";
import { Panel, Stat } from "./Card";
import type { KpisView } from "./types";
import { formatDateTime, formatNumber, formatQty } from "../format";

/** Inventory: what is low, what moved, what was refused. */
export function InventoryDashboard() {
  const t = useTranslations("dashboard");
  // The ledger's source types are named by the stock screens' catalog (one word for each, everywhere).
  const ts = useTranslations("stock");
  const kpis = useSWR<KpisView, ApiError>("/api/reports/kpis");
  const ledger = useSWR<{ items: LedgerEntry[]; total: number }, ApiError>("/api/stock/ledger?pageSize=8");
  useRealtime("stock:changed", () => {
    void kpis.mutate();
    void ledger.mutate();
  });
  if (kpis.error) return <ErrorState message={kpis.error.message} onRetry={() => void kpis.mutate()} />;
  if (!kpis.data) return <LoadingState label={t("inventory.loading")} />;
  const low = kpis.data.lowStock;
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label={t("inventory.lowStock")} value={formatNumber(low?.count ?? 0)} tone={low?.count ? "bad" : "good"} testId="kpi-low-stock" />
        <Stat label={t("inventory.ledgerEntries")} value={ledger.data ? formatNumber(ledger.data.total) : "…"} />
        <Stat label={t("inventory.inProgress")} value={formatNumber(kpis.data.mosByState.IN_PROGRESS)} hint={t("inventory.inProgressHint")} />
        <Stat label={t("inventory.planned")} value={formatNumber(kpis.data.mosByState.PLANNED)} />
      </div>
      <div className="flex flex-wrap gap-3">
        <Link href="/stock" className={buttonClass("primary", "lg")}>
          {t("inventory.receiveOrAdjust")}
        </Link>
        <Link href="/stock/ledger" className={buttonClass("secondary", "lg")}>
          {t("inventory.openLedger")}
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={t("inventory.lowStockPanel")} testId="low-stock">
          {!low?.items.length ? (
            <p className="text-sm text-neutral-600">{t("inventory.noLowStock")}</p>
          ) : (
            <ul className="divide-y divide-neutral-100">
              {low.items.map((p) => (
                <li key={p.productId} className="flex justify-between gap-3 py-2 text-sm">
                  <Link href={`/stock?q=${encodeURIComponent(p.sku)}`} className="font-medium text-neutral-900 hover:underline">
                    {p.sku} · {p.name}
                  </Link>
                  <span className="font-medium text-red-700">
                    {t("inventory.reorderAt", { onHand: formatQty(p.onHand, p.uom), reorderPoint: formatQty(p.reorderPoint) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title={t("inventory.recentMovements")} testId="recent-ledger">
          {!ledger.data ? (
            <LoadingState />
          ) : ledger.data.items.length === 0 ? (
            <p className="text-sm text-neutral-600">{t("inventory.noMovements")}</p>
          ) : (
            <ul className="divide-y divide-neutral-100">
              {ledger.data.items.map((e) => (
                <li key={String(e.id)} className="flex justify-between gap-3 py-2 text-sm">
                  <span>
                    <span className="font-medium text-neutral-900">{e.product.sku}</span> · {ts(`source.${e.sourceType}`)}
                    <span className="block text-xs text-neutral-500">{formatDateTime(e.createdAt)}</span>
                  </span>
                  <span className={`tabular-nums font-medium ${e.change < 0 ? "text-red-700" : "text-green-700"}`}>
                    {e.change > 0 ? "+" : ""}
                    {formatQty(e.change, e.product.uom)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
      <RecentShortages />
    </div>
  );
}
