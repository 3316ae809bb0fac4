import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { ReportsPage } from "@/components/reports/ReportsPage";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("reports:read");

/** Report downloads (reports:read; stock reports also need stock:read). */
export default function Reports() {
  const t = useTranslations("reports");
  return (
    <AppShell title={t("pageTitle")}>
      <RequirePermission permission="reports:read">
        <ReportsPage />
      </RequirePermission>
    </AppShell>
  );
}
