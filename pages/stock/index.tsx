import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { StockLevels } from "@/components/stock/StockLevels";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("stock:read");

/** Stock levels (stock:read); receipts and adjustments for stock:adjust. */
export default function StockPage() {
  const t = useTranslations("stock");
  return (
    <AppShell title={t("levels.title")}>
      <RequirePermission permission="stock:read">
        <StockLevels />
      </RequirePermission>
    </AppShell>
  );
}
