import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { LotsList } from "@/components/lots/LotsList";
import { RequirePermission } from "@/components/RequirePermission";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("stock:read");

/** Every lot with its product, expiry and total on hand (stock:read; docs/locations.md). */
export default function LotsPage() {
  const t = useTranslations("lots");
  return (
    <AppShell title={t("list.title")}>
      <RequirePermission permission="stock:read">
        <LotsList />
      </RequirePermission>
    </AppShell>
  );
}
