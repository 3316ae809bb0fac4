import Link from "next/link";
import useSWR from "swr";
import type { ApiError } from "../api";
import { useRealtime } from "../realtime/useRealtime";
import { RecentShortages } from "../stock/RecentShortages";
import type { LedgerEntry } from "../stock/types";
import { SOURCE_LABELS } from "../stock/types";
import { ErrorState, LoadingState } from "../ui/States";
import { buttonClass } from "../ui/Button";
import { Panel, Stat } from "./Card";
import type { KpisView } from "./types";
import { formatDateTime, formatQty } from "../format";

/** Inventory: what is low, what moved, what was refused. */
export function InventoryDashboard() {
  const kpis = useSWR<KpisView, ApiError>("/api/reports/kpis");
  const ledger = useSWR<{ items: LedgerEntry[]; total: number }, ApiError>("/api/stock/ledger?pageSize=8");
  useRealtime("stock:changed", () => {
    void kpis.mutate();
    void ledger.mutate();
  });
  if (kpis.error) return <ErrorState message={kpis.error.message} onRetry={() => void kpis.mutate()} />;
  if (!kpis.data) return <LoadingState label="Loading stock figures…" />;
  const low = kpis.data.lowStock;
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Low-stock products" value={low?.count ?? 0} tone={low?.count ? "bad" : "good"} testId="kpi-low-stock" />
        <Stat label="Ledger entries" value={ledger.data?.total ?? "…"} />
        <Stat label="Orders in progress" value={kpis.data.mosByState.IN_PROGRESS} hint="will consume materials" />
        <Stat label="Orders planned" value={kpis.data.mosByState.PLANNED} />
      </div>
      <div className="flex flex-wrap gap-3">
        <Link href="/stock" className={buttonClass("primary", "lg")}>
          Receive or adjust stock
        </Link>
        <Link href="/stock/ledger" className={buttonClass("secondary", "lg")}>
          Open the ledger
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Low stock" testId="low-stock">
          {!low?.items.length ? (
            <p className="text-sm text-neutral-600">Every product is above its reorder point.</p>
          ) : (
            <ul className="divide-y divide-neutral-100">
              {low.items.map((p) => (
                <li key={p.productId} className="flex justify-between gap-3 py-2 text-sm">
                  <Link href={`/stock?q=${encodeURIComponent(p.sku)}`} className="font-medium text-neutral-900 hover:underline">
                    {p.sku} · {p.name}
                  </Link>
                  <span className="font-medium text-red-700">
                    {formatQty(p.onHand, p.uom)} (reorder at {formatQty(p.reorderPoint)})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Recent movements" testId="recent-ledger">
          {!ledger.data ? (
            <LoadingState />
          ) : ledger.data.items.length === 0 ? (
            <p className="text-sm text-neutral-600">No movements yet.</p>
          ) : (
            <ul className="divide-y divide-neutral-100">
              {ledger.data.items.map((e) => (
                <li key={String(e.id)} className="flex justify-between gap-3 py-2 text-sm">
                  <span>
                    <span className="font-medium text-neutral-900">{e.product.sku}</span> · {SOURCE_LABELS[e.sourceType]}
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
