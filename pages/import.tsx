import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { ImportWizard } from "@/components/import/ImportWizard";
import { RequirePermission } from "@/components/RequirePermission";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("import:run");

/** Import from CSV or Excel (import:run: ADMIN, MANAGER, INVENTORY; each kind also needs its own permission). */
export default function ImportPage() {
  const t = useTranslations("import");
  return (
    <AppShell title={t("pageTitle")}>
      <RequirePermission permission="import:run">
        <ImportWizard />
      </RequirePermission>
    </AppShell>
  );
}
