import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { UsersAdmin } from "@/components/users/UsersAdmin";

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
