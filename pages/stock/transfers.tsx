import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { TransfersView } from "@/components/stock/transfers/TransfersView";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("stock:read");

/** Transfers between locations: the latest for stock:read, the form for stock:adjust (docs/locations.md). */
export default function StockTransfersPage() {
  const t = useTranslations("moves");
  return (
    <AppShell title={t("transfer.pageTitle")}>
      <RequirePermission permission="stock:read">
        <TransfersView />
      </RequirePermission>
    </AppShell>
  );
}
