import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { BadgesAdmin } from "@/components/station/BadgesAdmin";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("users:manage");

/** Badges that sign people in on a station (users:manage: admins). */
export default function BadgesPage() {
  const t = useTranslations("shell");
  return (
    <AppShell title={t("nav.badges")}>
      <RequirePermission permission="users:manage">
        <BadgesAdmin />
      </RequirePermission>
    </AppShell>
  );
}
