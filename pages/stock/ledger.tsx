import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { LedgerView } from "@/components/stock/LedgerView";

/** The stock ledger with filters and paging (stock:read). */
export default function StockLedgerPage() {
  return (
    <AppShell title="Stock ledger">
      <RequirePermission permission="stock:read">
        <LedgerView />
      </RequirePermission>
    </AppShell>
  );
}
