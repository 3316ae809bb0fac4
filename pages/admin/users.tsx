import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { UsersAdmin } from "@/components/users/UsersAdmin";
import { TokensSection } from "@/components/users/tokens/TokensSection";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("users:manage");

/** Users administration (users:manage). */
export default function UsersPage() {
  const t = useTranslations("shell");
  return (
    <AppShell title={t("nav.users")}>
      <RequirePermission permission="users:manage">
        <UsersAdmin />
        <TokensSection />
      </RequirePermission>
    </AppShell>
  );
}
