import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { OperatorHome } from "@/components/operator/OperatorHome";
import { RequirePermission } from "@/components/RequirePermission";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("wo:execute");

/** The operator's tablet view: their own work orders, one tap to start / pause / complete, and a scan box. */
export default function OperatorPage() {
  const t = useTranslations("operator");
  return (
    <AppShell title={t("title")}>
      <RequirePermission permission="wo:execute">
        <OperatorHome />
      </RequirePermission>
    </AppShell>
  );
}
