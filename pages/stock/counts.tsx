import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { CountsView } from "@/components/stock/counts/CountsView";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("stock:read");

/** Counts of a location: the count sheet and its export for stock:read, submitting a count for stock:adjust (docs/locations.md). */
export default function StockCountsPage() {
  const t = useTranslations("moves");
  return (
    <AppShell title={t("count.pageTitle")}>
      <RequirePermission permission="stock:read">
        <CountsView />
      </RequirePermission>
    </AppShell>
  );
}
