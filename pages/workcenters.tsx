import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { WorkCentersAdmin } from "@/components/workcenters/WorkCentersAdmin";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("workcenters:write");

/** Work centers (workcenters:write). */
export default function WorkCentersPage() {
  const t = useTranslations("workcenters");
  return (
    <AppShell title={t("pageTitle")}>
      <RequirePermission permission="workcenters:write">
        <WorkCentersAdmin />
      </RequirePermission>
    </AppShell>
  );
}
