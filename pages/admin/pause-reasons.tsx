import { useTranslations } from "next-intl";
import { PauseReasonsAdmin } from "@/components/admin/PauseReasonsAdmin";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("pause-reasons:write");

/** The pause reasons the tablet offers (pause-reasons:write: admins). */
export default function PauseReasonsPage() {
  const t = useTranslations("shell");
  return (
    <AppShell title={t("nav.pauseReasons")}>
      <RequirePermission permission="pause-reasons:write">
        <PauseReasonsAdmin />
      </RequirePermission>
    </AppShell>
  );
}
