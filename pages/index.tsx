import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RoleDashboard } from "@/components/dashboard/RoleDashboard";
import { useSignedInUser } from "@/components/useMe";
import { guardPage } from "@/lib/auth/page-guard";

function Dashboard() {
  return <RoleDashboard me={useSignedInUser()} />;
}

// Checked on the server: signed-out visitors go to /signin, other roles get the Forbidden page (403).
export const getServerSideProps = guardPage(null);

/** The home page: the dashboard of the signed-in user's role. */
export default function HomePage() {
  const t = useTranslations("shell");
  return (
    <AppShell title={t("nav.dashboard")}>
      <Dashboard />
    </AppShell>
  );
}
