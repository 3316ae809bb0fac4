import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { AuditLog } from "@/components/audit/AuditLog";
import { RequirePermission } from "@/components/RequirePermission";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("audit:read");

/** The audit trail (audit:read: admins). */
export default function AuditPage() {
  const t = useTranslations("shell");
  return (
    <AppShell title={t("nav.audit")}>
      <RequirePermission permission="audit:read">
        <AuditLog />
      </RequirePermission>
    </AppShell>
  );
}
