import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { LocationsView } from "@/components/stock/LocationsView";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("stock:read");

/** Locations and the stock at each (stock:read; a new location needs stock:adjust). */
export default function StockLocationsPage() {
  const t = useTranslations("stock");
  return (
    <AppShell title={t("locations.title")}>
      <RequirePermission permission="stock:read">
        <LocationsView />
      </RequirePermission>
    </AppShell>
  );
}
