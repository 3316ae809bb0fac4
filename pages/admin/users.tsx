import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { UsersAdmin } from "@/components/users/UsersAdmin";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("users:manage");

/** Users administration (users:manage). */
export default function UsersPage() {
  return (
    <AppShell title="Users">
      <RequirePermission permission="users:manage">
        <UsersAdmin />
      </RequirePermission>
    </AppShell>
  );
}
