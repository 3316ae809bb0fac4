import { ROLES } from "@/lib/auth/permissions";
import { useRoleLabel } from "./useRoleLabel";

/** <option>s for every role. */
export function RoleOptions() {
  const roleLabel = useRoleLabel();
  return (
    <>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {roleLabel(r)}
        </option>
      ))}
    </>
  );
}
