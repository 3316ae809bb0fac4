import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { WorkCentersAdmin } from "@/components/workcenters/WorkCentersAdmin";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("workcenters:write");

/** Work centers (workcenters:write). */
export default function WorkCentersPage() {
  return (
    <AppShell title="Work centers">
      <RequirePermission permission="workcenters:write">
        <WorkCentersAdmin />
      </RequirePermission>
    </AppShell>
  );
}
