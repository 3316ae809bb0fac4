import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { LedgerView } from "@/components/stock/LedgerView";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("stock:read");

/** The stock ledger with filters and paging (stock:read). */
export default function StockLedgerPage() {
  const t = useTranslations("stock");
  return (
    <AppShell title={t("ledger.title")}>
      <RequirePermission permission="stock:read">
        <LedgerView />
      </RequirePermission>
    </AppShell>
  );
}
