import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { ReportsPage } from "@/components/reports/ReportsPage";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("reports:read");

/** Report downloads (reports:read; stock reports also need stock:read). */
export default function Reports() {
  return (
    <AppShell title="Reports">
      <RequirePermission permission="reports:read">
        <ReportsPage />
      </RequirePermission>
    </AppShell>
  );
}
