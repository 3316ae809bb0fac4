import { ROLES } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "../types";

/** <option>s for every role. */
export function RoleOptions() {
  return (
    <>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </>
  );
}
