import { AppShell } from "@/components/AppShell";
import { RoleDashboard } from "@/components/dashboard/RoleDashboard";
import { useSignedInUser } from "@/components/useMe";

function Dashboard() {
  return <RoleDashboard me={useSignedInUser()} />;
}

/** The home page: the dashboard of the signed-in user's role. */
export default function HomePage() {
  return (
    <AppShell title="Dashboard">
      <Dashboard />
    </AppShell>
  );
}
