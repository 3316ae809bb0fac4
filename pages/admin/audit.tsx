import { AppShell } from "@/components/AppShell";
import { AuditLog } from "@/components/audit/AuditLog";
import { RequirePermission } from "@/components/RequirePermission";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("audit:read");

/** The audit trail (audit:read: admins). */
export default function AuditPage() {
  return (
    <AppShell title="Audit log">
      <RequirePermission permission="audit:read">
        <AuditLog />
      </RequirePermission>
    </AppShell>
  );
}
